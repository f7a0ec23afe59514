from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("readouts.api")),
    path("feeds/", include("readouts.feeds")),
    path("", include("readouts.exports")),
    path("", include("readouts.urls")),
]
