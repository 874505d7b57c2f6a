"""What the generated applications are made of: the paths to each state with their weights, and made-up
people, places and topics (see the ``generate_applications`` command)."""

from workflows.models import ApplicationState

from ..models import ThemeSuggestionState

S = ApplicationState

#: (state, weight, the transitions that lead there from "submitted")
APPLICATION_PATHS = [
    (S.SUBMITTED, 24, []),
    (S.REVIEWED, 14, [("review", S.SUBMITTED, S.REVIEWED)]),
    (S.CHANGES_REQUESTED, 5, [("request_changes", S.SUBMITTED, S.CHANGES_REQUESTED)]),
    (S.ASSIGNED, 10, [("review", S.SUBMITTED, S.REVIEWED), ("assign", S.REVIEWED, S.ASSIGNED)]),
    (
        S.ACTIVE,
        25,
        [("review", S.SUBMITTED, S.REVIEWED), ("assign", S.REVIEWED, S.ASSIGNED), ("activate", S.ASSIGNED, S.ACTIVE)],
    ),
    (S.REJECTED, 12, [("review", S.SUBMITTED, S.REVIEWED), ("reject", S.REVIEWED, S.REJECTED)]),
    (S.WITHDRAWN, 5, [("withdraw", S.SUBMITTED, S.WITHDRAWN)]),
    (
        S.ENDED,
        5,
        [
            ("review", S.SUBMITTED, S.REVIEWED),
            ("assign", S.REVIEWED, S.ASSIGNED),
            ("activate", S.ASSIGNED, S.ACTIVE),
            ("end", S.ACTIVE, S.ENDED),
        ],
    ),
]
T = ThemeSuggestionState
SUGGESTION_PATHS = [
    (T.SUBMITTED, 60, []),
    (T.ACCEPTED, 10, [("accept", T.SUBMITTED, T.ACCEPTED)]),
    (T.DECLINED, 30, [("decline", T.SUBMITTED, T.DECLINED)]),
]
#: Country codes, the first ones more often (a network's core members apply most).
COUNTRIES = (  # noqa: SIM905 - a list of words reads best as words
    "KR KR KR KR CN CN CN JP JP IN IN ID ID VN PH TH MY MN UZ KZ TR TR AE SA EG MA NG KE ZA ES ES MX MX "
    "BR CO PE AR CL US CA DE FR IT NL PT PL RU UA GB SE FI"
).split()
CITIES = (  # noqa: SIM905 - a list of words reads best as words
    "Seoul Busan Daegu Incheon Gwangju Daejeon Ulsan Suwon Changwon Goyang Beijing Chengdu Wuhan Tokyo "
    "Osaka Delhi Pune Jakarta Bandung Hanoi Manila Bangkok Kuala Ulaanbaatar Tashkent Almaty Istanbul "
    "Ankara Dubai Riyadh Cairo Rabat Lagos Nairobi Durban Madrid Bilbao Mexico Puebla Recife Medellin "
    "Lima Rosario Santiago Denver Montreal Hamburg Lyon Turin Utrecht Porto Gdansk Kazan Lviv Leeds "
    "Malmo Espoo"
).split()
FIRST = (  # noqa: SIM905 - a list of words reads best as words
    "Min-jun Ji-woo Wei Li Haruto Yui Arjun Priya Siti Budi Linh Maria Ahmet Fatima Amara Kwame Lucia Pablo Ana"
).split()
LAST = (  # noqa: SIM905 - a list of words reads best as words
    "Kim Lee Park Wang Zhang Sato Suzuki Sharma Patel Santoso Nguyen Garcia Yilmaz Hassan Okafor Silva Rossi"
).split()
TOPICS = (
    "bus priority signals",
    "open mobility data",
    "smart street lighting",
    "flood early warning",
    "digital permits",
    "waste sorting sensors",
    "citizen participation platform",
    "district heating optimisation",
    "air quality monitoring",
    "parking guidance",
    "e-government portal",
    "water leak detection",
)
STAFF = ("Reviewer", "Coordinator", "Cluster leader")


def weighted_states(paths):
    return [state for state, weight, _path in paths for _ in range(weight)]
