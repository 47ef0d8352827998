#include <cstdio>
int main() { std::puts("streamwright-run"); return 0; }
