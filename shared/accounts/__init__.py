"""People and organisations: users with passwords and roles, console sign-in, client orgs."""
