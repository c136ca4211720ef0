"""The reviewer web UI (FastAPI, server-rendered). ``sarpack review`` serves ``web.app.create_app()``."""
