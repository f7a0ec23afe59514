import gc

from archive.warmup import load_and_freeze


def test_start_up_objects_are_left_out_of_full_garbage_collections():
    try:
        load_and_freeze()
        # The project's modules, classes and URL patterns: tens of thousands of objects.
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()
