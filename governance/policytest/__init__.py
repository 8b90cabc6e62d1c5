"""``governance test``: a policy's own test cases, loaded, run through lint, and judged.

``load_cases`` reads ``tests/*.yaml`` beside the policy (problems in them are
findings at their position), ``run_cases`` lints each case's posts against the
policy and compares the findings with what the case expects.
"""

from governance.policytest.loading import LoadedCase, load_cases, tests_dir
from governance.policytest.running import CaseResult, PolicyBrokenError, run_cases

__all__ = ["CaseResult", "LoadedCase", "PolicyBrokenError", "load_cases", "run_cases",
           "tests_dir"]
