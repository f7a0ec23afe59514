"""Path converters of the site's addresses, registered on import by every URL module that uses them."""

from django.urls import register_converter


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
