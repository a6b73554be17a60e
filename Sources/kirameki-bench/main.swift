print("kirameki-bench")
