from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render

from karjera.assessments import engine


def home(request):
    language = request.LANGUAGE_CODE
    tests = [
        {"slug": i.slug, "name": i.text("name", language), "summary": i.text("summary", language),
         "minutes": i.minutes, "items": len(i.items)}
        for i in engine.available().values()
    ]
    return render(request, "karjera/home.html", {"tests": tests})


def accessibility(request):
    return render(request, "karjera/accessibility.html")


def privacy(request):
    return render(request, "karjera/privacy.html")


def credits(request):
    return render(request, "karjera/credits.html")


def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
