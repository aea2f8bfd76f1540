"""Regenerate ``src/eventwire/data/cameo.yaml`` from the PLOVER project's CAMEO2PLOVER table.

The committed YAML is the codebook eventwire loads; this script is how it was made, so a new
release of the PLOVER table (or a corrected Goldstein weight) can be folded in reproducibly:

    .venv/bin/python scripts/build_cameo_codebook.py ../shared/evaldata/plover/CAMEO2PLOVER-2021.txt

Facts and their sources:
* codes and descriptions: the CAMEO codebook (Schrodt, CAMEO 1.1b3, 2012); the descriptions of
  codes 03-20 are read from the comments of the CAMEO2PLOVER table, those of the 01 and 02
  families and of the root categories are below;
* Goldstein weights: the Goldstein (1992) conflict-cooperation scale as assigned to CAMEO codes
  (values below; ``tests/test_events_codebook_gdelt.py`` cross-checks them when the GPL ``gdelt``
  package happens to be installed, it is never a dependency);
* PLOVER event type, mode and context: CAMEO2PLOVER, PLOVER manual draft 0.8 (Open Event Data
  Alliance, 2021, CC BY-SA 4.0). The table has no rows for the 01 (statement) and 02 (appeal)
  families: appeals take the mode and context of the matching demand (02x <-> 10x), as PLOVER
  folds both into REQUEST; statements map as written in ``STATEMENT_PLOVER``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "src" / "eventwire" / "data" / "cameo.yaml"

ROOT_DESCRIPTIONS = {
    "01": "Make public statement",
    "02": "Appeal",
    "03": "Express intent to cooperate",
    "04": "Consult",
    "05": "Engage in diplomatic cooperation",
    "06": "Engage in material cooperation",
    "07": "Provide aid",
    "08": "Yield",
    "09": "Investigate",
    "10": "Demand",
    "11": "Disapprove",
    "12": "Reject",
    "13": "Threaten",
    "14": "Protest",
    "15": "Exhibit force posture",
    "16": "Reduce relations",
    "17": "Coerce",
    "18": "Assault",
    "19": "Fight",
    "20": "Use unconventional mass violence",
}

#: Codes the CAMEO2PLOVER table has no row for.
EXTRA_DESCRIPTIONS = {
    "010": "Make statement, not specified below",
    "011": "Decline comment",
    "012": "Make pessimistic comment",
    "013": "Make optimistic comment",
    "014": "Consider policy option",
    "015": "Acknowledge or claim responsibility",
    "016": "Deny responsibility",
    "017": "Engage in symbolic act",
    "018": "Make empathetic comment",
    "019": "Express accord",
    "020": "Make an appeal or request, not specified below",
    "021": "Appeal for material cooperation",
    "0211": "Appeal for economic cooperation",
    "0212": "Appeal for military cooperation",
    "0213": "Appeal for judicial cooperation",
    "0214": "Appeal for intelligence cooperation",
    "022": "Appeal for diplomatic cooperation (such as policy support)",
    "023": "Appeal for aid",
    "0231": "Appeal for economic aid",
    "0232": "Appeal for military aid",
    "0233": "Appeal for humanitarian aid",
    "0234": "Appeal for military protection or peacekeeping",
    "024": "Appeal for political reform",
    "0241": "Appeal for change in leadership",
    "0242": "Appeal for policy change",
    "0243": "Appeal for rights",
    "0244": "Appeal for change in institutions, regime",
    "025": "Appeal to yield",
    "0251": "Appeal for easing of administrative sanctions",
    "0252": "Appeal for easing of popular dissent",
    "0253": "Appeal for release of persons or property",
    "0254": "Appeal for easing of economic sanctions, boycott, or embargo",
    "0255": "Appeal for target to allow international involvement (non-mediation)",
    "0256": "Appeal for de-escalation of military engagement",
    "026": "Appeal to others to meet or negotiate",
    "027": "Appeal to others to settle dispute",
    "028": "Appeal to others to engage in or accept mediation",
    "1951": "Employ precision-guided aerial munitions",
    "1952": "Employ remotely piloted aerial munitions",
}

#: PLOVER for the statement family: most statements are not PLOVER events (type None).
STATEMENT_PLOVER = {
    "01": (None, None, ""),
    "010": (None, None, ""),
    "011": (None, None, ""),
    "012": (None, None, ""),
    "013": (None, None, ""),
    "014": (None, None, ""),
    "015": ("CONCEDE", None, ""),
    "016": ("REJECT", None, ""),
    "017": (None, None, ""),
    "018": ("SUPPORT", None, "diplomatic"),
    "019": ("AGREE", None, "diplomatic"),
}

#: Codes whose PLOVER row is their parent's (CAMEO 2.0 refinements the table predates).
PLOVER_AS_PARENT = {"1951": "195", "1952": "195"}

#: Goldstein weight per code: a code not listed takes the weight of its longest listed prefix.
GOLDSTEIN = {
    "01": 0.0, "011": -0.1, "012": -0.4, "013": 0.4, "016": 3.4, "018": 3.4, "019": 3.4,
    "02": 3.0, "021": 3.4, "022": 3.4, "023": 3.4, "024": -0.3, "025": -0.3, "026": 4.0,
    "027": 4.0, "028": 4.0,
    "03": 4.0, "031": 5.2, "032": 4.5, "033": 5.2, "0334": 6.0, "034": 7.0, "035": 7.0,
    "036": 4.0, "037": 5.0, "038": 7.0, "039": 5.0,
    "04": 1.0, "042": 1.9, "043": 2.8, "044": 2.5, "045": 5.0, "046": 7.0,
    "05": 3.5, "051": 3.4, "053": 3.8, "054": 6.0, "055": 7.0, "056": 7.0, "057": 8.0,
    "06": 6.0, "061": 6.4, "062": 7.4, "063": 7.4, "064": 7.0,
    "07": 7.0, "071": 7.4, "072": 8.3, "073": 7.4, "074": 8.5,
    "08": 5.0, "084": 7.0, "085": 7.0, "086": 9.0, "087": 9.0, "0874": 10.0,
    "09": -2.0,
    "10": -5.0,
    "11": -2.0,
    "12": -4.0, "124": -5.0, "125": -5.0, "126": -5.0, "127": -5.0, "128": -5.0, "129": -5.0,
    "13": -6.0, "130": -4.4, "131": -5.8, "132": -5.8, "133": -5.8, "134": -5.8, "135": -5.8,
    "136": -7.0, "137": -7.0, "138": -7.0, "139": -7.0,
    "14": -6.5, "144": -7.5, "145": -7.5,
    "15": -7.2,
    "16": -4.0, "162": -5.6, "163": -6.5, "164": -7.0, "165": -7.0, "166": -8.0,
    "17": -7.0, "171": -9.2, "172": -5.0, "173": -5.0, "174": -5.0, "175": -9.0,
    "18": -9.0, "182": -9.5, "1821": -9.0, "1822": -9.0, "1823": -10.0, "183": -10.0, "184": -8.0,
    "185": -8.0, "186": -10.0,
    "19": -10.0, "191": -9.5, "192": -9.5, "196": -9.5,
    "20": -10.0, "201": -9.5,
}  # fmt: skip

#: What a material or verbal action becomes when it is only intended (03x, 13x for force),
#: appealed for (02x), or refused ("refused to release", "will not accept": 12x, cooperation
#: only - a refused attack is just a negated one): the longest prefix of the action's code decides.
MODAL_CODES = {
    "intended": {
        "01": None, "02": None, "03": None, "04": "036", "045": "039", "046": "036",
        "05": "032", "057": "037", "06": "031", "061": "0311", "062": "0312", "063": "0313",
        "064": "0314", "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
        "075": "033", "08": "035", "081": "0351", "082": "0352", "083": "034", "084": "0353",
        "085": "0354", "086": "0355", "087": "0356", "09": "130", "10": None, "11": None,
        "12": None, "13": None, "14": "133", "15": "138", "16": "131", "161": "1313",
        "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136", "17": "130",
        "172": "132", "175": "137", "18": "1383", "19": "1384", "191": "1381", "192": "1382",
        "20": "1385",
    },
    "appeal": {
        "01": None, "02": None, "03": "020", "031": "021", "0311": "0211", "0312": "0212",
        "0313": "0213", "0314": "0214", "032": "022", "033": "023", "0331": "0231",
        "0332": "0232", "0333": "0233", "0334": "0234", "034": "024", "035": "025", "036": "026",
        "037": "027", "038": "028", "039": "028", "04": "026", "045": "028", "05": "022",
        "057": "027", "06": "021", "061": "0211", "062": "0212", "063": "0213", "064": "0214",
        "07": "023", "071": "0231", "072": "0232", "073": "0233", "074": "0234", "075": "023",
        "08": "025", "081": "0251", "082": "0252", "083": "024", "084": "0253", "085": "0254",
        "086": "0255", "087": "0256", "09": "020", "10": None, "11": "020", "12": "020",
        "13": "020", "14": "020", "15": "020", "16": "020", "17": "020", "18": "020",
        "19": "020", "20": "020",
    },
    "rejected": {
        "01": None, "02": None, "03": "120", "031": "121", "0311": "1211", "0312": "1212",
        "0313": "1213", "0314": "1214", "032": "120", "033": "122", "0331": "1221",
        "0332": "1222", "0333": "1223", "0334": "1224", "034": "123", "0341": "1231",
        "0342": "1232", "0343": "1233", "0344": "1234", "035": "124", "0351": "1241",
        "0352": "1242", "0353": "1243", "0354": "1244", "0355": "1245", "0356": "1246",
        "036": "125", "037": "127", "038": "126", "039": "126", "04": "125", "045": "126",
        "05": "120", "057": "127", "06": "121", "061": "1211", "062": "1212", "063": "1213",
        "064": "1214", "07": "122", "071": "1221", "072": "1222", "073": "1223", "074": "1224",
        "08": "124", "081": "1241", "082": "1242", "083": "123", "0831": "1231", "0832": "1232",
        "0833": "1233", "0834": "1234", "084": "1243", "085": "1244", "086": "1245",
        "087": "1246", "09": None, "10": None, "11": None, "12": None, "13": None, "14": None,
        "15": None, "16": None, "17": None, "18": None, "19": None, "20": None,
    },
}  # fmt: skip

ROW = re.compile(r"^(?P<code>\d{2,4}):\s*(?P<body>[^#]*?)\s*(?:#\s*(?P<description>.*?))?\s*$")


def read_plover_table(path: Path) -> dict[str, tuple[str | None, str | None, str, str]]:
    """code -> (event type, mode, context, description); the first row of a repeated code wins."""
    rows: dict[str, tuple[str | None, str | None, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = ROW.match(line)
        if not match or match["code"] in rows:
            continue
        fields = [field.strip() for field in match["body"].split(",")] + ["", ""]
        description = (match["description"] or "").split("  ")[0].strip()
        rows[match["code"]] = (fields[0] or None, fields[1] or None, fields[2], description)
    return rows


def goldstein(code: str) -> float:
    for length in range(len(code), 1, -1):
        if code[:length] in GOLDSTEIN:
            return GOLDSTEIN[code[:length]]
    raise KeyError(code)


def quad_class(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def appeal_plover(code: str, table: dict[str, tuple[str | None, str | None, str, str]]) -> tuple:
    """An appeal (02x) takes the PLOVER row of the matching demand (10x)."""
    demand = "10" + code[2:]
    event_type, mode, context, _ = table.get(demand, table["100"])
    return event_type, mode, context


def yaml_scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, float):
        return f"{value:.1f}"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def context_list(context: str) -> str:
    items = [item.strip() for item in context.split(";") if item.strip()]
    return "[" + ", ".join(items) + "]"


def build(table_path: Path) -> str:
    table = read_plover_table(table_path)
    codes = sorted(set(table) | set(EXTRA_DESCRIPTIONS) | set(ROOT_DESCRIPTIONS))
    lines = [
        "# CAMEO event codebook: every root, 3- and 4-digit code with its description, Goldstein",
        "# weight (-10 conflict .. +10 cooperation), QuadClass (1 verbal cooperation, 2 material",
        "# cooperation, 3 verbal conflict, 4 material conflict) and PLOVER event type, mode, context.",
        "#",
        "# Sources: codes and descriptions from the CAMEO codebook 1.1b3 (Schrodt 2012); Goldstein",
        "# weights from Goldstein (1992) as assigned to CAMEO codes; PLOVER mappings from the",
        "# CAMEO2PLOVER table of the PLOVER manual draft 0.8 (Open Event Data Alliance, 2021),",
        "# licensed CC BY-SA 4.0 - this file, as an adaptation of that table, is under the same",
        "# licence. PLOVER has no rows for the 01/02 families: appeals take the demand (10x) row,",
        "# statements map as in scripts/build_cameo_codebook.py (event_type null: not a PLOVER event).",
        "#",
        "# Generated by scripts/build_cameo_codebook.py; regenerate rather than edit by hand.",
        "#",
        "# modal_codes: what an action becomes when only intended (03x; 13x for force),",
        "# appealed for (02x) or refused (12x) - longest prefix of the action's code wins;",
        "# null keeps the code.",
        "codes:",
    ]
    for code in codes:
        if code in STATEMENT_PLOVER:
            event_type, mode, context = STATEMENT_PLOVER[code]
        elif code.startswith("02"):
            event_type, mode, context = appeal_plover(code, table)
        else:
            event_type, mode, context, _ = table[PLOVER_AS_PARENT.get(code, code)]
        description = (
            (ROOT_DESCRIPTIONS.get(code) or EXTRA_DESCRIPTIONS.get(code) or table[code][3])
            .replace("Apolgize", "Apologize")
            .replace("Ostruct", "Obstruct")
        )
        lines.append(
            f'  "{code}": {{description: {yaml_scalar(description)}, goldstein: '
            f"{yaml_scalar(goldstein(code))}, quad_class: {quad_class(code)}, plover: "
            f"{{event_type: {yaml_scalar(event_type)}, mode: {yaml_scalar(mode)}, "
            f"context: {context_list(context)}}}}}"
        )
    lines.append("modal_codes:")
    for modality, mapping in MODAL_CODES.items():
        lines.append(f"  {modality}:")
        lines.extend(f'    "{prefix}": {yaml_scalar(target)}' for prefix, target in mapping.items())
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    OUTPUT.write_text(build(Path(argv[1])), encoding="utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
