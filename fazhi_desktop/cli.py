"""The command line (CONTRACT.md). ``main.py`` passes in the window entry point, so this module
never imports the Qt layer: the core stays headless and imports run one way."""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from . import APP_NAME, __version__
from .db import database_error_text, open_db
from .errors import UserError, os_error_text
from .paths import resolve_db_path


@dataclass
class GuiRequest:
    db_path: Path
    session_id: int | None = None
    live: bool = False
    self_test: bool = False


GuiEntry = Callable[[GuiRequest], int]


class ArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors: exit 2, in Chinese
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: 参数错误：{message}\n")
        sys.exit(2)


def build_parser() -> argparse.ArgumentParser:
    p = ArgumentParser(prog="fazhi-review", description=f"{APP_NAME} {__version__}：评议会现场评议")
    p.add_argument("--db", metavar="PATH", help="数据库文件（默认：用户数据文件夹；也可用环境变量 FAZHI_DB）")
    p.add_argument("--self-test", action="store_true", help="在临时演示数据库上启动并自检，打印各步耗时")
    p.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=ArgumentParser)

    d = sub.add_parser("demo", help="加入演示数据，打印新评议会的编号")
    d.add_argument("--if-empty", action="store_true", help="数据库里已有评议会时什么也不做")

    n = sub.add_parser("new", help="新建评议会，打印其编号")
    n.add_argument("--title", required=True)
    n.add_argument("--date", help="YYYY-MM-DD")
    n.add_argument("--venue", default="")
    n.add_argument("--kind", default="")
    n.add_argument("--template", help="内置模板名称或模板 JSON 文件")

    s = sub.add_parser("sessions", help="列出评议会")
    s.add_argument("--json", action="store_true")

    sh = sub.add_parser("show", help="显示一场评议会的全部数据")
    sh.add_argument("--session", type=int, required=True)
    sh.add_argument("--json", action="store_true")

    im = sub.add_parser("import", help="从 CSV 或 XLSX 导入")
    im.add_argument("what", choices=["units", "experts", "scores", "external", "ratings", "indicators"])
    im.add_argument("file")
    im.add_argument("--session", type=int, required=True)
    im.add_argument("--check", action="store_true",
                    help="仅用于 scores：双人录入核对，把第二次录入的文件与已录入的评分逐项比较，不保存任何评分；"
                         "全部一致则标记为已核对，有不同则逐项列出（退出码 2）")

    r = sub.add_parser("results", help="汇总结果")
    r.add_argument("--session", type=int, required=True)
    r.add_argument("--json", action="store_true")

    lv = sub.add_parser("live", help="打开窗口，直接进入该场评议会")
    lv.add_argument("id", type=int)

    t = sub.add_parser("templates", help="列出评分模板；--export NAME 输出模板 JSON")
    t.add_argument("--export", metavar="NAME")

    ex = sub.add_parser("export", help="导出会议材料：会议纪要（PDF、Word）、评议数据（Excel）等")
    ex.add_argument("--session", type=int, required=True)
    ex.add_argument("--pdf", metavar="F", help="会议纪要 PDF 文件")
    ex.add_argument("--docx", metavar="F", help="会议纪要 Word（DOCX）文件")
    ex.add_argument("--xlsx", metavar="F", help="评议数据 Excel（XLSX）文件")
    ex.add_argument("--folder", metavar="DIR", help="把全部材料（含评分表、各单位评议意见书）导出到此文件夹")
    ex.add_argument("--papers", metavar="DIR", help="会前材料：议程、签到表、空白评分表、桌签，导出到此文件夹")
    ex.add_argument("--start", metavar="HH:MM", help="议程的开始时间（默认 09:00）")
    ex.add_argument("--no-expert-names", action="store_true",
                    help="纪要、评议数据和评议意见书中不写专家姓名（提问与评分不署名）")
    ex.add_argument("--lang", choices=("zh_CN", "en_US"), default="zh_CN",
                    help="会议纪要（PDF、Word）的语言：zh_CN 中文（默认，正式文本）或 en_US 英文（供外宾阅读）；"
                         "其他材料始终为中文")
    _add_package_parser(sub)
    fi = sub.add_parser("finish", help="结束评议会（有未完成的评分时拒绝，并逐项列出）")
    fi.add_argument("--session", type=int, required=True)
    fi.add_argument("--override", metavar="REASON", default="",
                    help="仍有未完成的评分时，写明原因后仍然结束（原因与缺项记入审计日志）")
    se = sub.add_parser("seal", help="封盘：已结束的评议会定稿，打印 fingerprint=…")
    se.add_argument("--session", type=int, required=True)
    ve = sub.add_parser("verify", help="校验审计链与封盘签名，打印 verify=ok 或指出第一处断裂")
    ve.add_argument("--session", type=int)
    ro = sub.add_parser("reopen", help="重新打开已结束（未封盘）的评议会，须写明原因")
    ro.add_argument("--session", type=int, required=True)
    ro.add_argument("--reason", required=True)
    sv = sub.add_parser("serve", help="开启专家评分服务（专家用手机评分），打印每位专家的专属链接，按 Ctrl+C 停止")
    sv.add_argument("--session", type=int, required=True)
    sv.add_argument("--host", default="127.0.0.1",
                    help="监听的地址（默认 127.0.0.1 仅本机；会场请填笔记本在会场网络上的地址）")
    sv.add_argument("--port", type=int, default=0, help="端口（默认 0：自动选择空闲端口）")
    de = sub.add_parser("double-entry", help="双人录入核对：开启后，评分须经第二次录入核对一致才计入结果")
    de.add_argument("--session", type=int, required=True)
    de.add_argument("state", nargs="?", choices=["on", "off"], help="on 开启，off 关闭；省略则显示当前状态")
    return p


def _add_package_parser(sub) -> None:
    pk = sub.add_parser("package", help="评议会包：把一场评议会导出为一个文件，或导入到本机历史")
    pks = pk.add_subparsers(dest="package_command", required=True, parser_class=ArgumentParser)
    pe = pks.add_parser("export", help="导出评议会包（含校验和）")
    pe.add_argument("--session", type=int, required=True)
    pe.add_argument("file")
    pe.add_argument("--documents", metavar="PATH", action="append", default=[],
                    help="一并放入包中的会议材料（文件或文件夹，可重复）")
    pe.add_argument("--with-export", action="store_true", help="先生成会议材料（纪要、评分表等）再一并放入包中")
    pi = pks.add_parser("import", help="导入评议会包，加入本机历史")
    pi.add_argument("file")


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _plain_start(argv: Sequence[str]) -> tuple[str | None, bool] | None:
    """(--db, --self-test) when ``argv`` is a start of the window with nothing but those options,
    each written out once (``--db PATH``, ``--db=PATH``, ``--self-test``): what the full parser
    would answer, without building every command's parser first. None for anything else (a
    command, help, an abbreviation, a repeat, a value that looks like an option), which the full
    parser reads as before."""
    db: str | None = None
    self_test = False
    seen: set[str] = set()
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--self-test":
            name = arg
            self_test = True
        elif arg == "--db" and i + 1 < len(argv) and argv[i + 1] and not argv[i + 1].startswith("-"):
            name, db = arg, argv[i + 1]
            i += 1
        elif arg.startswith("--db=") and len(arg) > len("--db="):
            name, db = "--db", arg[len("--db="):]
        else:
            return None
        if name in seen:
            return None
        seen.add(name)
        i += 1
    return db, self_test


def run(argv: Sequence[str] | None = None, *, gui: GuiEntry | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    plain = _plain_start(argv)
    if plain is not None:  # the window's start: nothing to dispatch, no command's parser to build
        args = argparse.Namespace(db=plain[0], self_test=plain[1], command=None)
    else:
        args = build_parser().parse_args(argv)
    db_path = resolve_db_path(args.db)
    try:
        if args.self_test or args.command in (None, "live"):
            if gui is None:
                raise UserError("此环境没有图形界面模块，无法打开窗口。")
            return gui(GuiRequest(db_path=db_path, self_test=args.self_test,
                                  session_id=getattr(args, "id", None), live=args.command == "live"))
        db = open_db(db_path)
        try:
            return COMMANDS[args.command](db, args)
        finally:
            db.conn.close()
    except UserError as exc:
        sys.stderr.write(f"错误：{exc}\n")
        return 2
    except sqlite3.Error as exc:  # locked past the wait, a full disk, a damaged page met on reading
        sys.stderr.write(f"错误：{database_error_text(exc, db_path)}\n")
        return 2
    except OSError as exc:  # a full disk or a vanished folder while writing a file
        sys.stderr.write(f"错误：无法完成：{os_error_text(exc)}。\n")
        return 2


def cmd_demo(db, args) -> int:
    from .demo import add_demo

    if args.if_empty and db.execute("SELECT 1 FROM sessions LIMIT 1").fetchone():
        return 0
    for sid in add_demo(db):
        print(sid)
    return 0


def cmd_new(db, args) -> int:
    from .library import resolve_template
    from .sessions import create_session

    template = resolve_template(db, args.template)
    print(create_session(db, title=args.title, date=args.date, venue=args.venue, kind=args.kind, template=template))
    return 0


def cmd_sessions(db, args) -> int:
    from .sessions import STATUSES, list_sessions

    rows = list_sessions(db)
    if args.json:
        _print_json(rows)
        return 0
    for r in rows:
        print(f"{r['id']:>4}  {r['date'] or '未定日期':<10}  {STATUSES[r['status']]:<4}  {r['title']}"
              f"（{r['units']} 个单位，{r['experts']} 位专家）")
    return 0


def cmd_show(db, args) -> int:
    from .show import session_dict

    data = session_dict(db, args.session)
    if args.json:
        _print_json(data)
        return 0
    print(f"{data['title']}  {data['date'] or ''}  {data['venue']}")
    print(f"评分模板：{data['template']['name']}")
    for u in data["units"]:
        print(f"  {u['order']:>2}. {u['name']}  {u['presenter']}  {u['report_title']}")
    print("评议专家：" + "、".join(f"{e['name']}（{e['category']}）" for e in data["experts"]))
    return 0


def cmd_import(db, args) -> int:
    from . import imports

    if args.what == "indicators":  # extension: a checklist's full indicator table
        from .checklist.indicators import import_indicators

        table = import_indicators(db, session_id=args.session, path=args.file)
        print("已导入指标表：" + table.summary())
        for note in table.notes:
            sys.stderr.write(f"注意：{note}\n")
        return 0
    if args.check:
        if args.what != "scores":
            raise UserError("--check（双人录入核对）只用于 import scores。")
        from .double_entry import check_scores_file

        print(check_scores_file(db, session_id=args.session, path=args.file).summary())
        return 0
    handlers = {"units": imports.import_units, "experts": imports.import_experts}
    extra = _scoring_imports()
    handlers.update(extra)
    result = handlers[args.what](db, session_id=args.session, path=args.file)
    print(result.summary())
    return 0


def _scoring_imports() -> dict:
    from . import score_imports

    from . import rating_imports

    return {"scores": score_imports.import_scores, "external": score_imports.import_external,
            "ratings": rating_imports.import_ratings}


def cmd_results(db, args) -> int:
    from .results import compute_results, results_json, results_text
    from .sessions import is_checklist

    if is_checklist(db, args.session):
        from .checklist.results import checklist_results_json, checklist_results_text, compute_checklist_results

        checked = compute_checklist_results(db, args.session)
        if args.json:
            _print_json(checklist_results_json(checked))
        else:
            print(checklist_results_text(checked))
        return 0
    res = compute_results(db, args.session)
    if args.json:
        _print_json(results_json(res))
    else:
        print(results_text(res))
    return 0


def cmd_templates(db, args) -> int:
    from .library import list_templates, resolve_template

    if args.export:
        print(resolve_template(db, args.export).to_json())
        return 0
    for template, builtin in list_templates(db):
        what = (f"清单式，{len(template.leaves())} 项指标，达标门槛 {template.threshold}%" if template.is_checklist
                else f"满分 {template.total_max}")
        print(f"{'内置' if builtin else '自定'}  {template.name}（{what}）")
    return 0


COMMANDS = {"demo": cmd_demo, "new": cmd_new, "sessions": cmd_sessions, "show": cmd_show,
            "import": cmd_import, "results": cmd_results, "templates": cmd_templates}


def cmd_export(db, args) -> int:
    from .export import cli_export

    return cli_export(db, args)


COMMANDS["export"] = cmd_export


def cmd_package(db, args) -> int:
    from .package import cli_package

    return cli_package(db, args, db_path=resolve_db_path(args.db))


COMMANDS["package"] = cmd_package


def cmd_finish(db, args) -> int:
    from .lifecycle import finish_session

    check = finish_session(db, session_id=args.session, override_reason=args.override)
    print(f"评议会 {args.session} 已结束。")
    if check.unsubmitted:
        print(f"结束时一并提交了 {len(check.unsubmitted)} 份已评完的评分。")
    if check.incomplete:
        print(f"按所填原因结束，未完成的评分 {len(check.incomplete)} 份已记入审计日志。")
    return 0


def cmd_seal(db, args) -> int:
    from .seal import seal

    print(f"fingerprint={seal(db, session_id=args.session, confirmed=True)}")
    return 0


def cmd_reopen(db, args) -> int:
    from .seal import reopen_session

    reopen_session(db, session_id=args.session, reason=args.reason)
    print(f"评议会 {args.session} 已重新打开（进行中），原因已记入审计日志。")
    return 0


def cmd_verify(db, args) -> int:
    from .verify import cli_verify

    return cli_verify(db, args)


def cmd_double_entry(db, args) -> int:
    from .double_entry import double_entry_enabled, set_double_entry, unchecked
    from .sessions import get_session

    get_session(db, args.session)  # an unknown id is named
    if args.state:
        set_double_entry(db, session_id=args.session, enabled=args.state == "on")
    if double_entry_enabled(db, args.session):
        print(f"双人录入核对：已开启（{len(unchecked(db, args.session))} 项评分待核对）")
    else:
        print("双人录入核对：未开启")
    return 0


def cmd_serve(db, args) -> int:
    """Serve until SIGINT or SIGTERM (exit 0). stdout: ``expert=NAME url=URL`` per expert, then ``ready``."""
    import signal
    import threading

    from .serve.access import check_servable, ensure_tokens
    from .serve.server import ScoringServer

    if not 0 <= args.port <= 65535:
        raise UserError(f"端口 {args.port} 无效，应在 0 到 65535 之间（0：自动选择）。")
    check_servable(db, args.session)
    stop = threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
    server = ScoringServer(resolve_db_path(args.db), args.session, host=args.host, port=args.port)
    try:
        server.start()
        for access in ensure_tokens(db, args.session):
            print(f"expert={access.expert} url={server.url(access.token)}")
        print("ready", flush=True)
        sys.stderr.write(f"评分服务已开启：{server.base_url}（按 Ctrl+C 停止）\n")
        while not stop.wait(0.5):  # a timed wait, so the signal handler runs on every platform
            pass
    finally:
        server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0


COMMANDS.update({"finish": cmd_finish, "seal": cmd_seal, "reopen": cmd_reopen, "verify": cmd_verify,
                 "double-entry": cmd_double_entry, "serve": cmd_serve})
