"""Sending `gate notify`'s messages: e-mail over SMTP and a generic JSON webhook, both set up
from environment variables (CI keeps them as secrets; nothing is written to a file).

    GATE_SMTP_HOST       the mail server; e-mail is on when it is set
    GATE_SMTP_PORT       default 587 (starttls), 465 (tls), 25 (none)
    GATE_SMTP_SECURITY   starttls (default) | tls (implicit TLS, "SMTPS") | none
    GATE_SMTP_USER       log in as this user (needs GATE_SMTP_PASSWORD; never over `none`
    GATE_SMTP_PASSWORD   except to a server on this machine)
    GATE_SMTP_FROM       the sender, `name <address>` or `address` (required with a host)
    GATE_WEBHOOK_URL     https:// (http:// only to this machine); the webhook is on when it is set
    GATE_WEBHOOK_TOKEN   optional: sent as `Authorization: Bearer …`

Subjects and names in Thai are encoded as RFC 2047 words by the stdlib `email` package
(policy SMTP, CRLF line ends), the body as UTF-8: any mail server carries them, no SMTPUTF8
needed. Standard library only; no click, no MkDocs.
"""

from __future__ import annotations

import datetime as dt
import json
import smtplib
import ssl
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

from ..core.loopback import is_loopback
from ..core.registry import EMAIL_RE

SECURITY = ("starttls", "tls", "none")
DEFAULT_PORTS = {"starttls": 587, "tls": 465, "none": 25}
TIMEOUT = 30.0  # seconds, per connection and per request


class SetupError(ValueError):
    """An environment variable that cannot be used: `code` is a catalogue key."""

    def __init__(self, code: str, variable: str, value: str = "") -> None:
        super().__init__(f"{code}: {variable}={value!r}")
        self.code = code
        self.variable = variable
        self.value = value


class DeliveryError(OSError):
    """A message that was not delivered; `detail` says what the server or network answered."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: str
    user: str
    password: str
    sender: Address


@dataclass(frozen=True)
class WebhookSettings:
    url: str
    token: str


def smtp_from_env(env: Mapping[str, str]) -> SmtpSettings | None:
    """The mail settings, or None when GATE_SMTP_HOST is not set; a bad value is a SetupError."""
    host = env.get("GATE_SMTP_HOST", "").strip()
    if not host:
        return None
    security = env.get("GATE_SMTP_SECURITY", "starttls").strip().lower() or "starttls"
    if security not in SECURITY:
        raise SetupError("notify_env_security", "GATE_SMTP_SECURITY", security)
    port_text = env.get("GATE_SMTP_PORT", "").strip()
    if port_text and not (port_text.isascii() and port_text.isdigit() and 0 < int(port_text) < 65536):
        raise SetupError("notify_env_port", "GATE_SMTP_PORT", port_text)
    port = int(port_text) if port_text else DEFAULT_PORTS[security]
    user, password = env.get("GATE_SMTP_USER", ""), env.get("GATE_SMTP_PASSWORD", "")
    if user and not password:
        raise SetupError("notify_env_password", "GATE_SMTP_PASSWORD")
    if user and security == "none" and not is_loopback(host):
        raise SetupError("notify_env_cleartext", "GATE_SMTP_SECURITY", security)
    sender_text = env.get("GATE_SMTP_FROM", "").strip()
    name, address = parseaddr(sender_text)
    if not sender_text or not EMAIL_RE.fullmatch(address) or any(c in sender_text for c in "\r\n"):
        raise SetupError("notify_env_from", "GATE_SMTP_FROM", sender_text)
    return SmtpSettings(host, port, security, user, password, Address(display_name=name, addr_spec=address))


def webhook_from_env(env: Mapping[str, str]) -> WebhookSettings | None:
    """The webhook settings, or None when GATE_WEBHOOK_URL is not set; a bad value is a SetupError."""
    url = env.get("GATE_WEBHOOK_URL", "").strip()
    if not url:
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        raise SetupError("notify_env_webhook", "GATE_WEBHOOK_URL", url) from None
    secure = parts.scheme == "https" or (parts.scheme == "http" and is_loopback(host))
    if not secure or not host or any(ord(c) < 33 for c in url):
        raise SetupError("notify_env_webhook", "GATE_WEBHOOK_URL", url)
    return WebhookSettings(url, env.get("GATE_WEBHOOK_TOKEN", "").strip())


def email_message(
    settings: SmtpSettings, to_name: str, to_address: str, subject: str, body: str, now: dt.datetime
) -> EmailMessage:
    """One message: Thai in the subject and the names as RFC 2047 words, the body as UTF-8.

    A name or subject that could end a header (a line break in a registry name) is refused by
    the email package; that message is a DeliveryError, never a header of its own."""
    message = EmailMessage(policy=policy.SMTP)
    try:
        message["From"] = settings.sender
        message["To"] = Address(display_name=to_name, addr_spec=to_address)
        message["Subject"] = subject
        message["Date"] = format_datetime(now.astimezone(dt.UTC))
        message["Message-ID"] = make_msgid(domain=settings.sender.domain)
        message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies
        message.set_content(body, charset="utf-8")
    except ValueError as error:
        raise DeliveryError(f"cannot be written as an e-mail ({error})") from None
    return message


class Mailer:
    """One SMTP connection for a run, opened at the first message (a failed open fails each message)."""

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings
        self._smtp: smtplib.SMTP | None = None

    def __enter__(self) -> Mailer:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (smtplib.SMTPException, OSError):
                self._smtp.close()
            self._smtp = None

    def _connect(self) -> smtplib.SMTP:
        settings = self.settings
        context = ssl.create_default_context()
        smtp: smtplib.SMTP
        if settings.security == "tls":
            smtp = smtplib.SMTP_SSL(settings.host, settings.port, timeout=TIMEOUT, context=context)
        else:
            smtp = smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT)
        try:
            smtp.ehlo()
            if settings.security == "starttls":
                smtp.starttls(context=context)
                smtp.ehlo()
            if settings.user:
                smtp.login(settings.user, settings.password)
        except BaseException:
            smtp.close()
            raise
        return smtp

    def send(self, message: EmailMessage) -> None:
        try:
            if self._smtp is None:
                self._smtp = self._connect()
            refused = self._smtp.send_message(message)
        except (smtplib.SMTPException, OSError) as error:
            if isinstance(error, smtplib.SMTPServerDisconnected):
                self._smtp = None
            raise DeliveryError(_smtp_detail(error)) from None
        if refused:
            raise DeliveryError("; ".join(f"{address}: {code} {text!r}" for address, (code, text) in refused.items()))


def _smtp_detail(error: BaseException) -> str:
    if isinstance(error, smtplib.SMTPResponseException):
        text = error.smtp_error.decode("utf-8", "replace") if isinstance(error.smtp_error, bytes) else error.smtp_error
        return f"{error.smtp_code} {text}"
    return str(error) or type(error).__name__


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect would turn the POST into a GET somewhere else: treat it as a failure."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def post_json(settings: WebhookSettings, payload: Mapping[str, object]) -> None:
    """POST one message as JSON; anything but a 2xx answer is a DeliveryError."""
    data = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    headers = {"Content-Type": "application/json; charset=utf-8", "User-Agent": "approval-gate"}
    if settings.token:
        headers["Authorization"] = f"Bearer {settings.token}"
    request = urllib.request.Request(settings.url, data=data, headers=headers, method="POST")
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=TIMEOUT) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        error.close()
        raise DeliveryError(f"HTTP {error.code} {error.reason}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise DeliveryError(str(reason) or type(error).__name__) from None
    if not 200 <= status < 300:
        raise DeliveryError(f"HTTP {status}")
