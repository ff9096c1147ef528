"""The desk's pages: the context each template needs, rendered by Jinja from `templates/`.

Every value is autoescaped; the one value marked safe is the post body, which is the
sanitiser's output (`Desk.shown_body`). No HTML is built here: the templates hold it all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

from ..core import summary
from ..core.decision import INVALID
from ..core.messages import role_name, state_name
from ..services.repository import Judged
from .actions import Desk, Outcome
from .changes import latest_refusal, refusal_changes, revision_changes
from .time_text import age_text, moment_text
from .urls import post_url, sign_url
from .waiting import roles_held

TEMPLATES = Path(__file__).parent / "templates"
DESK_STYLESHEET = TEMPLATES / "desk.css"


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # every value is escaped unless marked safe (only the rendered body is)
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def material_stylesheet() -> Path | None:
    """Material's built stylesheet, when the theme is installed: the site's own type styles."""
    try:
        import material
    except ImportError:
        return None
    found = sorted((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("main.*.min.css"))
    return found[-1] if found else None


class Pages:
    """Turns the desk's data into HTML."""

    def __init__(self, desk: Desk, csrf: str) -> None:
        self.desk = desk
        self.csrf = csrf
        self.env = _environment()
        self.has_material = material_stylesheet() is not None

    def _render(self, name: str, **values: Any) -> bytes:
        desk = self.desk
        registry = desk.gate.registry
        now = desk.clock()
        values.setdefault("title_text", "")
        page = self.env.get_template(name).render(
            lang=desk.lang,
            t=desk.say,
            role_name=lambda role: role_name(role, desk.lang),
            state_name=lambda state: state_name(state, desk.lang),
            person=desk.person,
            person_name=desk.person_name(desk.person),
            roles=[role_name(role, desk.lang) for role in roles_held(registry, desk.person, now)] if registry else [],
            csrf=self.csrf,
            has_material=self.has_material,
            **values,
        )
        return page.encode("utf-8")

    def queue(self) -> bytes:
        desk = self.desk
        rows = desk.queue()
        return self._render(
            "queue.html",
            title_text=desk.say("review_queue_title"),
            rows=rows,
            age=lambda row: age_text(row.age, desk.lang),
            when=lambda moment: moment_text(moment, desk.tz, desk.lang, thai_digits=desk.gate.thai_digits),
            link=lambda row: post_url(row.place, row.path),
            target=age_text(desk.target, desk.lang),
            registry_problem=desk.gate.registry_problem.text(desk.lang) if desk.gate.registry_problem else None,
        )

    def post(self, judged: Judged) -> bytes:
        desk = self.desk
        post, decision = judged.post, judged.decision
        refusal = latest_refusal(decision)
        diff = refusal_changes(judged.file, refusal) if refusal is not None else None
        revision_diff = revision_changes(desk.gate, judged)
        role, why_not = desk.can_sign(judged)
        start, end = desk.window_text(post)
        body = desk.shown_body(post)
        return self._render(
            "post.html",
            title_text=post.title or post.path,
            judged=judged,
            post=post,
            decision=decision,
            body=body,
            # As Material does, the title is the heading when the body has none (as text: the
            # site prints the title unrendered).
            body_heading=None if "<h1" in body else post.title or post.path,
            sign_url=sign_url(judged.place, post.path, post.digest or ""),
            invalid=decision.state == INVALID,
            site_keys=summary.site_keys(post, desk.lang),
            attachments=summary.attachments(post),
            window=(start, end),
            requester_date=moment_text(
                post.requester.date.at, desk.tz, desk.lang, with_time=False, thai_digits=desk.gate.thai_digits
            )
            if post.requester and post.requester.date
            else "-",
            refusal=refusal,
            diff=diff,
            revision=post.revises,
            revision_diff=revision_diff,
            role=role,
            why_not=why_not,
            signatures=desk.gate.settings.signatures,
            reasons=[reason.text(desk.lang) for reason in decision.reasons],
            when=lambda moment: moment_text(moment, desk.tz, desk.lang, thai_digits=desk.gate.thai_digits),
            name_of=desk.person_name,
        )

    def result(self, outcome: Outcome, back: str) -> bytes:
        judged = outcome.judged
        return self._render(
            "result.html",
            title_text=outcome.text,
            outcome=outcome,
            back=back,
            state=judged.decision.state if judged else None,
            reasons=[reason.text(self.desk.lang) for reason in judged.decision.reasons] if judged else [],
        )

    def notice(self, heading: str, text: str, *, show_nav: bool = True) -> bytes:
        return self._render("notice.html", title_text=heading, heading=heading, text=text, show_nav=show_nav)
