"""Staff sign-in. Pupils never sign in; counsellors, experts and agency staff do.

Attempts are throttled per client address and per user name (a fixed window in the shared cache), so
guessing passwords is slow from one address and against one account from many.
"""
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.utils.translation import gettext as _

from .ratelimit import client_address, hit


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        username = request.POST.get("username", "")[:150].strip().lower()
        limit, window = settings.LOGIN_RATE_LIMIT, settings.LOGIN_RATE_WINDOW
        allowed_address = hit("login-ip", client_address(request), limit * 3, window)
        allowed_user = hit("login-user", username or "-", limit, window)
        if not (allowed_address and allowed_user):
            return render(
                request,
                "registration/login.html",
                {"form": self.get_form_class()(request), "throttled": _("Too many sign-in attempts. Wait a few minutes and try again.")},
                status=429,
            )
        return super().post(request, *args, **kwargs)


class LogoutView(auth_views.LogoutView):
    template_name = "registration/logged_out.html"
