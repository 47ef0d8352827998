#pragma once

namespace sw::app {

/// The designer's main(): options, theme, first window, recovery offer. Usage:
///   streamwright [FILE] [--copy FILE] [--dark|--light] [--select ID]
///                [--screenshot PNG [--size WxH]]
int runApplication(int argc, char** argv);

} // namespace sw::app
