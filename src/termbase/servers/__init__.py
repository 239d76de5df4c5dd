"""termbase as a server: the Language Server Protocol for editors (lsp, pygls) and the Model
Context Protocol for AI assistants (mcp, the official SDK); both optional extras.

May import: everything but `cli`.
"""
