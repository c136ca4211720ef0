"""Handlers for the batch subcommands of ``sarpack``:

    sarpack nightly --store <dir> --out <dir> [--today YYYY-MM-DD] [--concurrency N]
                    [--max-attempts N] [--dask-address tcp://host:8786]
        run the nightly batch once and print where the report is

    sarpack serve --store <dir> --out <dir> [--cron "0 2 * * *"] [--timezone Europe/London]
                  [--name nightly] [--concurrency N] [--dask-address ...]
        register the scheduled deployment with the Prefect API and run it (blocks)

Exit codes (nightly): 0 the run finished, whatever happened to individual cases (see the
report); 1 the batch itself could not run.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

EXIT_OK, EXIT_ERROR = 0, 1


def _fail(msg: str, code: int = EXIT_ERROR) -> int:
    print(f"sarpack: error: {msg}", file=sys.stderr)
    return code


def _today(value: str | None) -> str | None:
    from pipeline.deadlines import parse_day

    if value is None:
        return None
    return parse_day(value).isoformat()


def cmd_nightly(args: argparse.Namespace) -> int:
    try:
        today = _today(args.today)
    except ValueError as exc:
        return _fail(str(exc), 2)
    if not Path(args.store).is_dir():
        return _fail(f"no case store at {args.store}", 2)
    from flows.nightly import nightly_flow

    result = nightly_flow(
        store=str(args.store),
        out=str(args.out),
        today=today,
        concurrency=args.concurrency,
        max_attempts=args.max_attempts,
        dask_address=args.dask_address,
    )
    print(
        f"nightly {result['date']}: processed {result['processed']} case(s): "
        f"{len(result['bundled'])} bundled, {len(result['awaiting_review'])} awaiting review, "
        f"{len(result['failed'])} failed"
    )
    for case_id in result["failed"]:
        print(f"  failed: {case_id}")
    if result["at_risk"]:
        print(f"  deadlines at risk: {', '.join(result['at_risk'])}")
    print(f"report: {result['report']}")
    print(f"report: {result['report_md']}")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    if not Path(args.store).is_dir():
        return _fail(f"no case store at {args.store}", 2)
    from prefect.schedules import Cron  # validates the cron string and time zone early

    try:
        Cron(args.cron, timezone=args.timezone)
    except ValueError as exc:
        return _fail(f"bad schedule: {exc}", 2)
    from flows.nightly import serve_nightly

    print(f"sarpack serve: deployment {args.name!r} runs '{args.cron}' ({args.timezone}); Ctrl-C to stop")
    serve_nightly(
        str(args.store),
        str(args.out),
        name=args.name,
        cron=args.cron,
        timezone=args.timezone,
        concurrency=args.concurrency,
        max_attempts=args.max_attempts,
        dask_address=args.dask_address,
    )
    return EXIT_OK


DEFAULT_MAX_ATTEMPTS = 3  # pipeline.nightly_state.DEFAULT_MAX_ATTEMPTS (not imported: parsers stay cheap)


def _common(s: argparse.ArgumentParser) -> None:
    s.add_argument("--store", type=Path, default=Path("sample_docs"), help="case store folder (default ./sample_docs)")
    s.add_argument("--out", type=Path, default=Path("out"), help="output folder (default ./out)")
    s.add_argument("--concurrency", type=int, default=int(os.environ.get("SARPACK_NIGHTLY_CONCURRENCY", "2")),
                   help="cases worked on at the same time (default 2, or $SARPACK_NIGHTLY_CONCURRENCY)")
    s.add_argument("--max-attempts", type=int, default=DEFAULT_MAX_ATTEMPTS,
                   help="attempts on the same sources after interruptions or unexpected errors "
                        f"(default {DEFAULT_MAX_ATTEMPTS})")
    s.add_argument("--dask-address", default=os.environ.get("SARPACK_DASK_ADDRESS") or None,
                   help="run documents on this Dask scheduler (default $SARPACK_DASK_ADDRESS; threads otherwise)")


def add_subparsers(sub) -> None:
    s = sub.add_parser("nightly", help="run the nightly batch once over every case in the store")
    _common(s)
    s.add_argument("--today", default=os.environ.get("SARPACK_TODAY") or None,
                   help="the run's date, YYYY-MM-DD (default $SARPACK_TODAY, else today in Europe/London)")
    s.set_defaults(func=cmd_nightly)

    s = sub.add_parser("serve", help="run the nightly batch on a schedule (a Prefect deployment; blocks)")
    _common(s)
    s.add_argument("--name", default="nightly", help="deployment name (default nightly)")
    s.add_argument("--cron", default="0 2 * * *", help="cron schedule (default '0 2 * * *': 02:00)")
    s.add_argument("--timezone", default="Europe/London", help="the schedule's time zone (default Europe/London)")
    s.set_defaults(func=cmd_serve)
