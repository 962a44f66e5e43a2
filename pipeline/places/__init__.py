"""``sahel_places``: where each claimed event happened (SPEC section 4, revision 2)."""
