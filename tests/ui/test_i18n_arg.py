from ui.i18n import arg


def test_arg_fills_places_in_one_pass_and_allows_reordering():
    assert arg("共 %1 场", 12) == "共 12 场"
    assert arg("%2 of %1", "a", "b") == "b of a"
    # a value containing a place marker is not substituted again
    assert arg("%1 / %2", "%2", "x") == "%2 / x"
    assert arg("第 %1 项，缺 %3", 1) == "第 1 项，缺 %3"
