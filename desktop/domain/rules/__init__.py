"""Follow-up rules as pure functions. Every rule that depends on time takes ``now``."""
