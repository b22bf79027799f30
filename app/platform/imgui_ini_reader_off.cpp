// Dear ImGui's settings file (imgui.ini) is never read here: io.IniFilename is null in the app
// and the studio, and nothing loads settings from memory. Its readers still call sscanf, and
// those calls alone linked the C library's whole scanf into app.wasm (7.5 KB; 2.5 KB brotli).
// imgui.cpp and imgui_tables.cpp are built with sscanf renamed to this function
// (app/web_targets/CMakeLists.txt), which reads nothing.
extern "C" int trialmatch_imgui_ini_sscanf(const char*, const char*, ...) { return 0; }
