"""The account managers' web console: server-rendered pages on the services' public APIs."""
