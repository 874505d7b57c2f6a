"""axe-core through axe-playwright-python: counts by impact, the blocking lines, and a table for the output.

``EXCEPTIONS`` are violations found in Wagtail's own markup, which this project does not template: each is
left out by rule id *and* the CSS selector of Wagtail's element (closest match), with the reason. Everything
else axe finds counts, on our templates and Wagtail's alike.
"""

from collections import Counter

from axe_playwright_python.sync_playwright import Axe

BLOCKING = ("serious", "critical")
IMPACTS = ("minor", "moderate", "serious", "critical")

# (rule id, selector of Wagtail's element): why it is Wagtail's and left out. Keep it narrow.
EXCEPTIONS: dict[tuple[str, str], str] = {}

# For each node axe reports, whether the element it names is (inside) one matching ``selector``.
_MATCHES = """([targets, selector]) => targets.map((target) => {
    const element = document.querySelector(target);
    return Boolean(element && element.closest(selector));
})"""


def axe_violations(page, axe: Axe, exceptions=None) -> tuple[Counter, list[str], list[str], list[str]]:
    """Counts of violations (nodes) by impact, the serious and critical ones, the lesser ones, and the
    exceptions that matched (each line ``rule xN: targets``)."""
    exceptions = EXCEPTIONS if exceptions is None else exceptions
    _settle(page)
    results = axe.run(page).response
    assert results["passes"], f"axe checked nothing on {page.url}"
    counts = Counter()
    blocking, lesser, excused = [], [], []
    for violation in results["violations"]:
        nodes = violation["nodes"]
        for (rule, selector), reason in exceptions.items():
            if rule != violation["id"] or not nodes:
                continue
            targets = [_css(node["target"]) for node in nodes]
            matched = page.evaluate(_MATCHES, [targets, selector])
            if any(matched):
                excused.append(f"{rule} x{sum(matched)} on {selector}: {reason}")
            nodes = [node for node, match in zip(nodes, matched, strict=True) if not match]
        if not nodes:
            continue
        counts[violation["impact"]] += len(nodes)
        line = f"{violation['id']} ({violation['impact']}) x{len(nodes)}: " + "; ".join(
            _css(node["target"]) for node in nodes[:3]
        )
        if violation["impact"] in BLOCKING:  # what a developer needs to find and fix it
            line += "".join(f"\n      {node['html'][:200]}\n      {_summary(node)}" for node in nodes[:3])
            blocking.append(line)
        else:
            lesser.append(line)
    return counts, blocking, lesser, excused


# Wagtail fades its messages in: axe measured the colours of a half-faded message (white on a lighter red).
# Wait for the transitions and one-off animations to end, so axe checks what stays on the screen.
_SETTLED = """() => document.getAnimations().every(
    (animation) => animation.playState !== "running" || animation.effect.getComputedTiming().iterations > 1
)"""


def _settle(page) -> None:
    page.wait_for_function(_SETTLED, timeout=5_000)


def _summary(node) -> str:
    return " ".join((node.get("failureSummary") or "").split())[:300]


def _css(target) -> str:
    """axe's target: a list of selectors, the last in the innermost document (we have no iframes checked)."""
    last = target[-1]
    return last if isinstance(last, str) else " ".join(map(str, last))


def print_table(report) -> None:
    """``report``: (screen, Counter, lines to print under it)."""
    width = max(len(label) for label, _, _ in report)
    print(f"\n{'screen'.ljust(width)}  " + "  ".join(impact.rjust(8) for impact in IMPACTS))
    for label, counts, lines in report:
        print(f"{label.ljust(width)}  " + "  ".join(str(counts[impact]).rjust(8) for impact in IMPACTS))
        for line in lines:
            print(f"{''.ljust(width)}    {line}")
