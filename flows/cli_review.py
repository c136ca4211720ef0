"""Handlers for the review subcommands of ``sarpack``:

    sarpack status <CASE_ID>                         state, due date, decisions
    sarpack approve <CASE_ID> --reviewer <name>      approve and bundle (refused while undecided)
    sarpack review [--host 127.0.0.1] [--port 8000]  serve the reviewer web UI
    sarpack add-reviewer <name> [--password-stdin]   create a reviewer account (argon2 hash)

The database is ``SARPACK_DATABASE_URL`` (default ./.sarpack/sarpack.db).
"""
from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path

from flows.cli import EXIT_CASE, EXIT_ERROR, EXIT_NOT_RELEASED, EXIT_OK, _fail  # noqa: F401 - one source


def cmd_status(args: argparse.Namespace) -> int:
    from pipeline import db

    try:
        st = db.case_status(args.case_id)
    except db.ReviewError as exc:
        return _fail(str(exc))
    if args.json:
        st = {k: v for k, v in st.items() if k not in ("store", "out")}
        print(json.dumps(st, indent=2))
        return EXIT_OK
    d = st["decisions"]
    print(f"{st['case_id']}: {st['state']}")
    print(f"  received {st['received']}, due {st['due']}{' (extended)' if st['extended'] else ''}")
    print(f"  documents: {st['documents']} ({st['failed_documents']} failed)")
    print(f"  suggestions: {sum(d.values())} ({d['pending']} pending, {d['accepted']} accepted, {d['rejected']} rejected)")
    if st["approved_by"]:
        print(f"  approved by {st['approved_by']} at {st['approved_at']}")
    if st["bundle_folder"]:
        print(f"  outputs: {st['bundle_folder']}")
    if st["message"]:
        print(f"  note: {st['message']}")
    return EXIT_OK


def cmd_approve(args: argparse.Namespace) -> int:
    from pipeline import db
    from pipeline.errors import SarpackError

    try:
        db.approve(args.case_id, args.reviewer, via="cli")
    except db.ReviewError as exc:
        return _fail(str(exc))
    print(f"{args.case_id}: approved by {args.reviewer}; finalising...")
    from flows.cli import report_submit
    from flows.review import finalise_flow

    try:
        result = finalise_flow(case_id=args.case_id)
    except SarpackError as exc:
        return _fail(str(exc))
    finally:
        from flows.settings import let_task_run_records_flush

        let_task_run_records_flush()  # (as cmd_submit: the one-off server's last batch of task-run states)
    return report_submit(result, Path(result["folder"]).parent)


def cmd_review(args: argparse.Namespace) -> int:
    import uvicorn

    from web.app import create_app

    app = create_app(session_minutes=args.session_minutes, secure_cookies=args.secure_cookies)
    print(f"sarpack review: http://{args.host}:{args.port}/  (Ctrl-C to stop)")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning" if not args.verbose else "info",
                access_log=args.verbose)
    return EXIT_OK


def cmd_add_reviewer(args: argparse.Namespace) -> int:
    from pipeline import db

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass(f"password for {args.username}: ")
        if getpass.getpass("again: ") != password:
            return _fail("the passwords do not match")
    try:
        new = db.add_reviewer(args.username, password)
    except db.ReviewError as exc:
        return _fail(str(exc))
    print(f"reviewer {args.username} {'created' if new else 'updated'}")
    return EXIT_OK


def add_subparsers(sub) -> None:
    s = sub.add_parser("status", help="show a case's review state")
    s.add_argument("case_id")
    s.add_argument("--json", action="store_true", help="machine-readable output")
    s.set_defaults(func=cmd_status)

    s = sub.add_parser("approve", help="approve a reviewed case and produce its bundle")
    s.add_argument("case_id")
    s.add_argument("--reviewer", required=True, help="who approves (recorded in the audit trail)")
    s.set_defaults(func=cmd_approve)

    s = sub.add_parser("review", help="serve the reviewer web UI")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--session-minutes", type=int, default=30, help="idle minutes before sign-out (default 30)")
    s.add_argument("--secure-cookies", action="store_true", help="mark cookies Secure (behind HTTPS)")
    s.set_defaults(func=cmd_review)

    s = sub.add_parser("add-reviewer", help="create a reviewer account (or set a new password)")
    s.add_argument("username")
    s.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    s.set_defaults(func=cmd_add_reviewer)
