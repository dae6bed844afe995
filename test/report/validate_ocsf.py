"""Validates OCSF events (JSON Lines on stdin) against py-ocsf-models' ComplianceFinding, strictly.

Strict means: pydantic's strict mode (no coercion), and every attribute we emit must be one the model
declares (py-ocsf-models ignores unknown keys, so the parsed event is dumped back and compared with the
input). The one addition is the OCSF `cloud` profile, which our events declare in metadata.profiles:
OCSF adds its `cloud` object to every class, py-ocsf-models 0.10 models it on DetectionFinding only.
Prints `valid <n> <ocsf version>` or, per invalid event, its line number and problems; exits 1 if any.
"""

import json
import sys

import py_ocsf_models
from py_ocsf_models.events.findings.compliance_finding import ComplianceFinding
from py_ocsf_models.objects.cloud import Cloud
from pydantic import ValidationError


class CloudProfileComplianceFinding(ComplianceFinding):
    cloud: Cloud


def differences(sent, parsed, path="$"):
    if isinstance(sent, dict) and isinstance(parsed, dict):
        out = []
        for key in sent:
            if key not in parsed:
                out.append(f"{path}.{key}: not an attribute of the model")
            else:
                out.extend(differences(sent[key], parsed[key], f"{path}.{key}"))
        return out
    if isinstance(sent, list) and isinstance(parsed, list) and len(sent) == len(parsed):
        return [d for i, (a, b) in enumerate(zip(sent, parsed)) for d in differences(a, b, f"{path}[{i}]")]
    return [] if sent == parsed else [f"{path}: sent {sent!r}, model read {parsed!r}"]


def main():
    problems = []
    count = 0
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        count += 1
        try:
            event = CloudProfileComplianceFinding.model_validate_json(line, strict=True)
        except ValidationError as error:
            problems.append(f"line {number}: {error}")
            continue
        sent = json.loads(line)
        problems.extend(f"line {number}: {d}" for d in differences(sent, event.model_dump(mode="json", exclude_unset=True)))
        if sent.get("metadata", {}).get("version") != py_ocsf_models.OCSF_VERSION:
            problems.append(f"line {number}: metadata.version is not the models' OCSF {py_ocsf_models.OCSF_VERSION}")
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print(f"valid {count} {py_ocsf_models.OCSF_VERSION}")


main()
