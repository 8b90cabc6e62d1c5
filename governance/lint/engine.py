"""The lint run: policy in, calendars streamed through the rules, a ``Report`` out.

1. Load the policy with the lint hooks (term files, declared rules and their
   examples); a policy with errors stops the run, its findings are the report.
2. Build the ``LintContext`` once and activate the rules (see ``context``).
3. Stream each calendar: resolve the post's channel, read its ``waive`` cell,
   run every active post rule, and keep a slim copy only if a calendar rule
   will need it — so memory does not grow with the calendar when none will.
4. Run the calendar rules on the kept posts.
5. Every problem becomes a finding with its effective severity, its location
   (the cell of the field the rule names, else the row), the posts and the
   channel involved, and ``waived_by`` when a policy waiver or the post's own
   ``waive`` cell covers it.

Policy warnings found while loading are part of the lint report; the policy's
own rules (RACI, leadership, waiver expiry...) are ``governance check``'s job, so
an expired waiver here simply stops waiving.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace

from governance import finding_runs
from governance.calendar_report.plan import PlanRecorder
from governance.calendars import DUPLICATE_ID, CalendarError, ReadOptions, open_source
from governance.errors import UsageError
from governance.finding_runs import FindingRuns
from governance.findings import Finding, Location, Severity
from governance.heap import cyclic_gc_paused
from governance.lint import parallel
from governance.lint.baseline import fingerprint_data, post_identity
from governance.lint.channels import ChannelResolver
from governance.lint.columns import ColumnGate, missing_required, required_fields
from governance.lint.context import ActiveRule, activate, build_context, fields_read
from governance.lint.fields import MISSING_FIELD, DeclaredFields
from governance.lint.headers import PostHeaders
from governance.lint.hooks import DeclaredRulesHook
from governance.lint.run_options import LintOptions, LintResult, UnreadableCalendarError
from governance.lint.store import PostStore
from governance.lint.waivers import PolicyWaivers, post_waivers
from governance.loader import load_policy
from governance.models.post import Post
from governance.report import LintedPosts, Report
from governance.rules.base import LintContext, Problem
from governance.rules.catalogue import Catalogue

UNKNOWN_CHANNEL = "lint.unknown-channel"
#: Posts between two progress callbacks.
PROGRESS_EVERY = 1000

Progress = Callable[[int], None]
#: A per-post rule as the hot loop holds it: the rule, its check, where findings go.
Judging = tuple[ActiveRule, Callable[..., Iterator[Problem]], list[Finding]]


def lint(options: LintOptions, progress: Progress | None = None) -> LintResult:
    """Lint the calendars against the policy. Raises ``UnreadableCalendarError`` for a
    calendar and ``UsageError`` for a policy that cannot be read at all."""
    target = ", ".join(options.calendars)
    compiler = DeclaredRulesHook()
    loaded = load_policy(options.policy, hooks=(compiler,), allow=tuple(options.allow_paths))
    if loaded.policy is None or any(f.severity is Severity.ERROR for f in loaded.findings):
        report = Report("lint", target, loaded.findings,
                        checked={"policy files": len(loaded.files)})
        return LintResult(report, linted=False, policy_files=loaded.read)
    policy = loaded.policy.policy
    ctx = build_context(policy, options.today or dt.date.today(), options.timezone)
    catalogue = compiler.catalogue
    run = _Run(ctx, catalogue, options)
    run.findings.extend(loaded.findings)  # policy warnings first, as the report sorts ties
    background = None
    recorder = PlanRecorder(policy, ctx.timezone, options.language) if options.keep_plan else None
    # The findings and the posts kept for calendar rules live until the report is written.
    with cyclic_gc_paused():
        sharing = parallel.share_out(run.post_rules, run.calendar_rules)
        if parallel.wanted(options.jobs, options.calendars,
                           bool(sharing) or bool(run.calendar_rules)):
            run.share(sharing, second=False)
            background = parallel.Background(
                lambda: _other_half(ctx, catalogue, options, sharing))
        try:
            for path in options.calendars:
                run.lint_file(path, progress, recorder)
            run.findings.extend(run.gate.notices())
            if background is not None:
                parallel.receive(background, run.kept, run.findings)
            else:
                run.lint_calendar(options.calendars[0] if options.calendars else "")
        finally:
            if background is not None:
                background.stop()
    report = Report("lint", target, run.kept.finish(run.findings),
                    checked={"posts": run.count, "rules": run.rules_run}, posts=run.posts)
    if recorder is not None:
        report.plan = recorder.plan()
    return LintResult(report, linted=True, policy_files=loaded.read)


def _other_half(ctx: LintContext, catalogue: Catalogue, options: LintOptions,
                sharing: parallel.Sharing) -> Iterable[Finding]:
    """The findings of the calendar rules and of the per-post rules ``sharing`` gives
    the second process, the calendars read anew, and the duplicate post ids; what else
    the reading finds, and the rules the calendars lack columns for, are the first
    process's to report."""
    run = _Run(ctx, catalogue, options, reading_here=False)
    run.share(sharing, second=True)
    for path in options.calendars:
        run.lint_file(path, None)
    run.lint_calendar(options.calendars[0] if options.calendars else "")
    return run.kept.finish(run.findings)


class _Run:
    """One lint run's state: the active rules, the waivers, the findings so far.

    In one process a run does everything. When two share the work, each
    ``share``s: the first keeps the per-post rules the second does not take,
    reports what the reading finds (bad rows, unknown channels, waive cells) and
    leaves the calendar rules; the second, built with ``reading_here=False``,
    runs the rules it takes and the calendar rules and reports only their findings
    and the duplicate post ids (it keeps the posts, and their ids with them).
    """

    def __init__(self, ctx: LintContext, catalogue: Catalogue, options: LintOptions,
                 reading_here: bool = True) -> None:
        policy = ctx.policy
        self.ctx = ctx
        self.post_rules = activate(catalogue.rules("post"), catalogue, ctx)
        #: A rule run on a share of the posts only, and the posts it judges here.
        self.split_rules: list[ActiveRule] = []
        self.post_share = parallel.PostShare(0, second=True)
        self._declarations = {r.id: r for r in catalogue.declarations}
        self.gate = ColumnGate(self.post_rules, self._declarations)
        self.calendar_rules = activate(catalogue.rules("calendar"), catalogue, ctx)
        self.rules_run = len(self.post_rules) + len(self.calendar_rules)
        # Rules switched off or inactive may still be waived: the waiver is not a typo.
        self.known_rules = catalogue.known_ids()
        self.resolver = ChannelResolver(policy.channels)
        self.fields = DeclaredFields(policy.calendar.fields, ctx.timezone)
        self.policy_waivers = PolicyWaivers(policy, ctx.today)
        self.store = PostStore(fields_read(self.calendar_rules)) if self.calendar_rules else None
        self.calendar_waivers: dict[tuple[str, str], dict[str, str]] = {}
        self.findings: list[Finding] = []
        #: Findings handed over as ``findings`` fills, read back for the report (or,
        #: in a second process, to send them back).
        self.kept = FindingRuns()
        #: Where what the reading finds goes: the report, or nowhere in a second process.
        self.read_findings: list[Finding] = self.findings if reading_here else []
        #: Where duplicate post ids go: they are the findings of the process that checks ids.
        self.id_findings = self.read_findings
        self.headers = PostHeaders(ctx)
        # Many findings say the same thing ("sponsored post without #ad"): one copy each.
        self._messages: dict[str, str] = {}
        self.count = 0
        self.posts = LintedPosts()
        self._record = options.record_posts
        settings = policy.calendar
        self.read_options = ReadOptions(
            timezone=str(ctx.timezone),
            columns={**settings.columns, **options.columns},
            sheet=options.sheet or settings.sheet,
            format=options.calendar_format,
            encoding=options.encoding,
            default_channel=self._default_channel(options, settings.default_channel),
            date_order=options.date_order or settings.date_order,
            until=options.until,
            check_ids=reading_here,
        )

    def share(self, sharing: parallel.Sharing, second: bool) -> None:
        """Runs this process's part of ``sharing``: the second process the rules moved
        and the calendar rules, the first the other rules; the split rule on this
        process's share of the posts."""
        # By id: the second process activates its own copies of the rules.
        moved = {active.rule.id for active in sharing.moved}
        split = sharing.split.rule.id if sharing.split is not None else None
        self.split_rules = [active for active in self.post_rules if active.rule.id == split]
        self.post_rules = [active for active in self.post_rules
                           if (active.rule.id in moved) is second and active.rule.id != split]
        self.post_share = parallel.PostShare(sharing.taken, second)
        # The second process keeps the posts, their ids with them: it looks for
        # duplicate ids, so the first keeps nothing that grows with the calendar.
        self.read_options = replace(self.read_options, check_ids=second)
        self.id_findings = self.findings if second else self.read_findings
        if not second:
            self.store = None

    def _default_channel(self, options: LintOptions, from_policy: str | None) -> str | None:
        """The channel for posts without one: ``--channel``, else the policy's; checked once."""
        chosen = options.default_channel or from_policy
        if chosen is None:
            return None
        channel_id, why = self.resolver.resolve(chosen)
        if why:
            where = "--channel" if options.default_channel else "calendar.default_channel"
            raise UsageError(f"{where} {chosen!r}: {why}")
        return channel_id

    def lint_file(self, path: str, progress: Progress | None,
                  recorder: PlanRecorder | None = None) -> None:
        """Lint one calendar's posts; a file with no post at all is unreadable (the
        reading stream says so: ``no posts in FILE``)."""
        read = self.read_findings
        try:
            _, items, fields = open_source(path, self.read_options)
            self.lint_posts(recorder.record(items) if recorder else items, progress)
        except CalendarError as exc:
            raise UnreadableCalendarError(path, exc.message) from None
        self.findings.extend(self.gate.settle(fields, path))
        missing = missing_required(self.ctx.policy, fields, path)
        if missing:
            # A required column the whole file lacks is one error, not one per row.
            absent = {name for name in required_fields(self.ctx.policy) if name not in fields}

            def per_row(finding: Finding) -> bool:
                return (finding.rule == MISSING_FIELD and finding.data.get("field") in absent
                        and finding.location is not None and finding.location.file == path)

            read[:] = [f for f in read if not per_row(f)]
            self.kept.drop(per_row)
            read.extend(missing)

    def lint_posts(self, items: Iterable[Post | Finding], progress: Progress | None) -> None:
        # The hot loop of a lint run: every name it uses is a local.
        findings, store, resolved = self.findings, self.store, self.resolver.known
        read, ids = self.read_findings, self.id_findings
        held = self.gate.pending
        record = self.posts.append if self._record else None
        rules, split = ([(active, active.check, held.get(active.rule.id, findings))
                         for active in chosen] for chosen in (self.post_rules, self.split_rules))
        declared = self.fields or None
        share, judge = self.post_share, self._judge
        count = self.count
        spill_at = self.kept.run
        for item in items:
            if isinstance(item, Finding):
                (ids if item.rule == DUPLICATE_ID else read).append(item)
                continue
            count += 1
            if record is not None:
                record((item.location.file, item.id))
            channel_id = resolved.get(item.channel)
            if channel_id is None:
                channel_id = self._resolve_channel(item)
            else:
                item.channel = channel_id
            waived = self._read_waive_cell(item) if item.waive else None
            if declared is not None:
                read.extend(_with_data(finding, self.headers.header(item))
                            for finding in declared.read(item))
            judge(item, rules, waived)
            if split and share.mine(count):
                judge(item, split, waived)
            if store is not None and channel_id is not None:
                store.add(item)
            if len(findings) >= spill_at:
                self._hand_over()
            if progress is not None and count % PROGRESS_EVERY == 0:
                progress(count)
        self.count = count
        if progress is not None:
            progress(count)

    def _hand_over(self) -> None:
        """Moves the findings so far to ``kept``, which writes them to disk."""
        self.kept.spill(self.findings)
        # Findings in the file hold their own copies of messages: stop sharing these.
        self._messages.clear()

    def _judge(self, post: Post, rules: list[Judging],
               waived: dict[str, str] | None) -> None:
        ctx = self.ctx
        for active, check, sink in rules:
            for problem in check(post, ctx):
                sink.append(self._finding(active, problem, waived, per_post=True))

    def lint_calendar(self, default_file: str) -> None:
        if self.store is None:
            return
        try:
            for active in self.calendar_rules:
                self._judge_calendar(active, self.store.posts, default_file)
        finally:
            self.store.close()

    def _judge_calendar(self, active: ActiveRule, posts: Sequence[Post],
                        default_file: str) -> None:
        named = 0  # post ids the findings not yet handed over name
        for problem in active.check(posts, self.ctx):
            post = problem.post or (problem.posts[0] if problem.posts else None)
            waived = None
            if post is not None:
                waived = self.calendar_waivers.get((post.location.file, post.id))
            finding = self._finding(active, problem, waived, per_post=False)
            if finding.location is None:
                finding = replace(finding, location=Location(default_file))
            self.findings.append(finding)
            named += len(finding.post_ids)
            # A share finding may name a hundred thousand posts: hand those over soon.
            if len(self.findings) >= self.kept.run or named >= finding_runs.RUN_IDS:
                self._hand_over()
                named = 0

    def _resolve_channel(self, post: Post) -> str | None:
        """The post's channel id (set on the post), or None after reporting why not."""
        channel_id, why = self.resolver.resolve(post.channel)
        if why:
            self.read_findings.append(Finding(
                UNKNOWN_CHANNEL, Severity.ERROR, why, post.location_of("channel"),
                post_ids=(post.id,), channel=post.channel,
                data={**self.headers.header(post),
                      **fingerprint_data("channel", [post_identity(post)])}))
            return None
        post.channel = channel_id
        return channel_id

    def _read_waive_cell(self, post: Post) -> dict[str, str]:
        labels, problems = post_waivers(post, self.known_rules)
        for problem in problems:
            self.read_findings.append(_with_data(problem, self.headers.header(post)))
        if labels and self.store is not None:
            self.calendar_waivers[(post.location.file, post.id)] = labels
        return labels

    def _finding(self, active: ActiveRule, problem: Problem, waived: dict[str, str] | None,
                 per_post: bool) -> Finding:
        rule_id = active.rule.id
        post = problem.post or (problem.posts[0] if problem.posts else None)
        location = post.location_of(problem.field) if post is not None else None
        if problem.posts:
            # Read once: a stored post's id is a new string at each read.
            post_ids = tuple(p.id for p in problem.posts)
        elif post is not None:
            post_ids = self.headers.ids(post) if per_post else (post.id,)
        else:
            post_ids = ()
        label = self.policy_waivers.label(rule_id, problem)
        if not label and waived:
            label = waived.get(rule_id, "")
        if per_post and post is not None and not problem.posts and not problem.data:
            data = self.headers.data(post, problem.field or "")
        else:
            data = dict(problem.data)
            involved = problem.posts or ((post,) if post is not None else ())
            data.update(fingerprint_data(problem.field or "", [  # ids as read above
                post_identity(p, read) for p, read in zip(involved, post_ids, strict=True)]))
            if per_post and post is not None:
                data.update(self.headers.header(post))
        message = problem.message
        return Finding(
            rule=rule_id, severity=active.severity,
            message=self._messages.setdefault(message, message), location=location,
            post_ids=post_ids, channel=problem.channel or (post.channel if post else ""),
            waived_by=label, data=data)


def _with_data(finding: Finding, data: dict[str, str]) -> Finding:
    return Finding(finding.rule, finding.severity, finding.message, finding.location,
                   finding.post_ids, finding.channel, finding.waived_by, {**finding.data, **data})
