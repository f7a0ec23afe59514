from django.urls import path

from readouts import converters, meeting_views, trend_views, views  # noqa: F401 (converters registers yyyy, dd, iso2)
from readouts.sources import views as source_views

app_name = "readouts"
urlpatterns = [
    path("", views.home, name="home"),
    path("readouts/", views.readout_list, name="readout_list"),
    path("search/", views.search_page, name="search"),
    path("help/", views.help_page, name="help"),
    path("trends/", trend_views.trends_page, name="trends"),
    path("trends/data.csv", trend_views.trends_csv, name="trends_csv"),
    path("readouts/<yyyy:year>/<dd:month>/<dd:day>/<slug:slug>/", views.readout_detail, name="readout_detail"),
    path("readouts/undated/<slug:slug>/", views.readout_detail, name="readout_undated"),
    path(
        "readouts/<yyyy:year>/<dd:month>/<dd:day>/<slug:slug>/changes/",
        source_views.readout_changes,
        name="readout_changes",
    ),
    path("readouts/undated/<slug:slug>/changes/", source_views.readout_changes, name="readout_undated_changes"),
    path("people/", views.person_list, name="person_list"),
    path("people/names.json", views.person_names, name="person_names"),
    path("people/<slug:slug>/", views.person_detail, name="person_detail"),
    path("countries/", views.country_list, name="country_list"),
    path("countries/<iso2:code>/", views.country_detail, name="country_detail"),
    path("meetings/", meeting_views.meeting_list, name="meeting_list"),
    path("meetings/<int:pk>/", meeting_views.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/comparison.csv", meeting_views.comparison_download, {"fmt": "csv"}, name="meeting_csv"),
    path("meetings/<int:pk>/comparison.json", meeting_views.comparison_download, {"fmt": "json"}, name="meeting_json"),
]
