// Placeholder translation unit so sw_widgets always has a source; real widgets live beside it.
namespace sw::widgets {
const char* widgetsVersion() { return "0.1.0"; }
} // namespace sw::widgets
