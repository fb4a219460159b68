"""The caches kept between runs: what they hold comes back, and anything wrong with them only costs speed."""

from __future__ import annotations

from pathlib import Path

from learning_library.cache import ResultCache, cache_file


def test_results_come_back_in_the_next_run_and_unused_ones_are_dropped(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path, "v1", name="test")
    cache.put("a", {"found": [1, 2]})
    cache.put("b", "gone next time")
    assert cache.save({"a"})
    again = ResultCache(tmp_path, "v1", name="test")
    assert again.get("a") == {"found": [1, 2]}
    assert again.get("b") is None


def test_results_of_another_version_are_not_trusted(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path, "v1", name="test")
    cache.put("a", 1)
    cache.save({"a"})
    assert ResultCache(tmp_path, "v2", name="test").get("a") is None


def test_a_damaged_cache_is_only_a_slower_run(tmp_path: Path) -> None:
    path = cache_file(tmp_path, "test")
    path.parent.mkdir(parents=True)
    path.write_text('{"format": 1, "entr')
    assert ResultCache(tmp_path, "v1", name="test").get("a") is None


def test_a_folder_that_cannot_be_written_does_not_stop_the_run(tmp_path: Path) -> None:
    (tmp_path / ".cache").write_text("a file where the cache folder would go")
    cache = ResultCache(tmp_path, "v1", name="test")
    cache.put("a", 1)
    assert cache.save({"a"}) is False
    assert list(tmp_path.iterdir()) == [tmp_path / ".cache"]
