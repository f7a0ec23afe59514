from django.urls import path, register_converter

from readouts import views


class FourDigitYear:
    regex = "[0-9]{4}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):04}"


class TwoDigits:
    regex = "[0-9]{2}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):02}"


class CountryCode:
    """Two letters, either case: anything else is a 404 before the database is asked."""

    regex = "[A-Za-z]{2}"

    def to_python(self, value):
        return value.upper()

    def to_url(self, value):
        return value.lower()


register_converter(FourDigitYear, "yyyy")
register_converter(TwoDigits, "dd")
register_converter(CountryCode, "iso2")

app_name = "readouts"
urlpatterns = [
    path("", views.home, name="home"),
    path("readouts/", views.readout_list, name="readout_list"),
    path("search/", views.search_page, name="search"),
    path("readouts/<yyyy:year>/<dd:month>/<dd:day>/<slug:slug>/", views.readout_detail, name="readout_detail"),
    path("readouts/undated/<slug:slug>/", views.readout_detail, name="readout_undated"),
    path("people/", views.person_list, name="person_list"),
    path("people/<slug:slug>/", views.person_detail, name="person_detail"),
    path("countries/", views.country_list, name="country_list"),
    path("countries/<iso2:code>/", views.country_detail, name="country_detail"),
]
