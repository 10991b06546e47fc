import pytest


@pytest.fixture(autouse=True)
def _gui_application(qapp: object) -> None:
    """Fonts and documents need a QGuiApplication; printing code never needs widgets."""
