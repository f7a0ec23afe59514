"""Places of two accounts: a capital the parser inferred is no evidence against a stated city."""

from readouts.meetings.rules import places_agree


def test_named_places_agree_or_contradict():
    assert places_agree("Sochi (Bocharov Ruchei)", "Sochi") is True
    assert places_agree("Sochi", "Kazan") is False


def test_an_inferred_capital_neither_agrees_nor_contradicts():
    assert places_agree("Moscow (inferred: capital of the host, Russia)", "Sochi") is None
    assert places_agree("Moscow (inferred: capital of Russia)", "Moscow") is None
