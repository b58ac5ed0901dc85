# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Prints the table of the benchmarks that ran, after the tests."""
import benchtable


def pytest_terminal_summary(terminalreporter):
    if benchtable.RESULTS:
        terminalreporter.section('benchmarks (small size)')
        terminalreporter.write_line(benchtable.format_table(benchtable.RESULTS))
