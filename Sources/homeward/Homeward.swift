import ArgumentParser
@main struct Homeward: ParsableCommand { func run() {} }
