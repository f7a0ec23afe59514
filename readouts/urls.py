from django.urls import path

from readouts import converters, views  # noqa: F401 (converters registers yyyy, dd, iso2)
from readouts.sources import views as source_views

app_name = "readouts"
urlpatterns = [
    path("", views.home, name="home"),
    path("readouts/", views.readout_list, name="readout_list"),
    path("search/", views.search_page, name="search"),
    path("readouts/<yyyy:year>/<dd:month>/<dd:day>/<slug:slug>/", views.readout_detail, name="readout_detail"),
    path("readouts/undated/<slug:slug>/", views.readout_detail, name="readout_undated"),
    path(
        "readouts/<yyyy:year>/<dd:month>/<dd:day>/<slug:slug>/changes/",
        source_views.readout_changes,
        name="readout_changes",
    ),
    path("readouts/undated/<slug:slug>/changes/", source_views.readout_changes, name="readout_undated_changes"),
    path("people/", views.person_list, name="person_list"),
    path("people/<slug:slug>/", views.person_detail, name="person_detail"),
    path("countries/", views.country_list, name="country_list"),
    path("countries/<iso2:code>/", views.country_detail, name="country_detail"),
]
