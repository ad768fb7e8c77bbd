from chatprobe.cli import main

main()
