"""One small declarative profile per tool; see termbase.exchange.tabular."""
