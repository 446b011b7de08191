// The bsd-ledger command line; commands are added with the modules they drive.
print("bsd-ledger: no command yet")
