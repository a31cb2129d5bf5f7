"""Reading skills out of a request's title and description: `POST /v1/requests/parse`."""
