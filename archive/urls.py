from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

urlpatterns = [
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
    path("admin/", admin.site.urls),
    path("api/", include("readouts.api")),
    path("feeds/", include("readouts.feeds")),
    path("", include("readouts.exports")),
    path("", include("readouts.urls")),
]
