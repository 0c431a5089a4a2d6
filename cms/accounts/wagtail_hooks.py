"""Audit-log actions of the accounts app (login lockouts)."""

from wagtail import hooks

from .throttling import LOCKED_OUT, UNLOCKED


@hooks.register("register_log_actions")
def register_login_actions(actions):
    actions.register_action(LOCKED_OUT, "Khoá đăng nhập", "Tạm khoá đăng nhập sau nhiều lần nhập sai mật khẩu")
    actions.register_action(UNLOCKED, "Mở khoá đăng nhập", "Quản trị viên mở khoá đăng nhập")
