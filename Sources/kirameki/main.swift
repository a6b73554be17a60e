import KiramekiCLI

Kirameki.main()
