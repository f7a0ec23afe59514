from django.urls import path

from readouts import converters, views  # noqa: F401 (converters registers yyyy, dd, iso2)

app_name = "readouts"
urlpatterns = [
    path("", views.home, name="home"),
    path("readouts/", views.readout_list, name="readout_list"),
    path("search/", views.search_page, name="search"),
    path("readouts/<yyyy:year>/<dd:month>/<dd:day>/<slug:slug>/", views.readout_detail, name="readout_detail"),
    path("readouts/undated/<slug:slug>/", views.readout_detail, name="readout_undated"),
    path("people/", views.person_list, name="person_list"),
    path("people/names.json", views.person_names, name="person_names"),
    path("people/<slug:slug>/", views.person_detail, name="person_detail"),
    path("countries/", views.country_list, name="country_list"),
    path("countries/<iso2:code>/", views.country_detail, name="country_detail"),
]
