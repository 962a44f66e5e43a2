"""The actor-codes stage (SPEC section 4, revision 2): country and sector of claim arguments."""
