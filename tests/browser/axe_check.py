"""axe-core scan shared by the browser tests: serious and critical violations fail, as does a page
without exactly one <h1>."""

BLOCKING_IMPACTS = {"serious", "critical"}


def axe_problems(page, name: str) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    problems = []
    headings = page.locator("h1").count()
    if headings != 1:
        problems.append(f"[{name}] {headings} <h1> elements instead of one")
    for violation in results.response["violations"]:
        if violation.get("impact") not in BLOCKING_IMPACTS:
            continue
        targets = "; ".join(" ".join(map(str, node.get("target", []))) for node in violation["nodes"][:10])
        problems.append(
            f"[{name}] {violation['id']} ({violation['impact']}): {violation['help']} "
            f"— {len(violation['nodes'])} node(s): {targets}"
        )
    return problems
