"""Korean words for the people, contacts and footer snippets, keyed by their English (as ``korean_pages``).

Foreign names are written in Hangul as Korean media write them; Min-seo Kang is Korean, so her name is in its
Korean order. Organisations are translated where a Korean reader would see a description, kept where they are a
brand (WeGO, GCTC).
"""

KOREAN_SNIPPETS = {
    # People: the demo's cluster leaders (invented, see content.people)
    "Cluster leader": "클러스터 리더",
    "Dr. Ines Valcourt": "이네스 발쿠르 박사",
    "Riverside Urban Living Lab Network": "리버사이드 도시 리빙랩 네트워크",
    "Urban researcher who has set up neighbourhood living labs with city departments, residents and small "
    "companies, and who writes on how cities can test services with the people who will use them.": "시청 부서, "
    "주민, 작은 기업과 함께 동네 리빙랩을 꾸려 온 도시 연구자입니다. 도시가 새 서비스를 실제로 쓸 사람들과 함께 "
    "시험해 보는 방법에 관해 글을 쓰고 있습니다.",
    "Prof. Daniel Okafor-Lind": "대니얼 오카포르린드 교수",
    "Northbridge Institute for Civic Technology": "노스브리지 시민기술연구소",
    "Professor of public management whose work covers open data, participatory budgeting and the governance of "
    "data shared between city departments.": "공공관리학 교수로, 공공데이터 개방과 주민참여예산, 그리고 시청 "
    "부서끼리 데이터를 나눠 쓸 때의 거버넌스를 연구합니다.",
    "Min-seo Kang": "강민서",
    "Civic Platforms Studio": "시빅 플랫폼 스튜디오",
    "Service designer and former city chief digital officer who has led the move of municipal permits and "
    "payments onto shared, reusable platforms.": "서비스 디자이너이자 전 시청 최고디지털책임자(CDO)입니다. 각종 "
    "인허가와 납부 업무를 여러 부서가 함께 다시 쓸 수 있는 공동 플랫폼으로 옮기는 일을 이끌었습니다.",
    "Rafael Quintero": "라파엘 킨테로",
    "Andes Centre for Mobility Research": "안데스 모빌리티 연구센터",
    "Transport engineer who works with cities on demand-responsive transit, open mobility data and safer streets "
    "for walking and cycling.": "교통공학자로, 여러 도시와 함께 수요응답형 교통, 모빌리티 데이터 개방, 걷고 "
    "자전거 타기에 더 안전한 거리를 만드는 일을 하고 있습니다.",
    "Amina Otieno": "아미나 오티에노",
    "Lakeside Circular Economy Institute": "레이크사이드 순환경제연구소",
    "Environmental engineer who advises utilities on sensor-based water-loss reduction and on waste collection "
    "planned from measured fill levels.": "환경공학자로, 센서를 활용한 누수 줄이기와 쓰레기통 적재량을 측정해 "
    "수거 일정을 짜는 방법을 공공 서비스 기관에 자문하고 있습니다.",
    # Contacts for questions
    "Anthony Levero": "앤서니 레베로",
    "Alexandra Sidorova": "알렉산드라 시도로바",
    "WeGO Thematic Clusters": "WeGO 테마 클러스터",
    "GCTC Action Clusters": "GCTC 액션 클러스터",
    "WeGO Secretariat": "WeGO 사무국",
    # The footer
    "Main footer": "기본 푸터",
    "World Smart Sustainable Cities Organization (WeGO)": "세계스마트지속가능도시기구(WeGO)",
    "WeGO": "WeGO",
    "Global City Teams Challenge": "글로벌 시티 팀 챌린지",
    "WeGO Thematic Clusters bring cities, companies, non-profit organisations and academia together around "
    "smart sustainable city themes.": "WeGO 테마 클러스터는 스마트하고 지속 가능한 도시를 주제로 도시와 기업, "
    "비영리단체, 학계를 한데 모읍니다.",
}
