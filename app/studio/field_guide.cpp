#include "field_guide.h"

#include <map>

namespace trialmatch::studio {

namespace {

using K = FieldKind;
using O = ObjectKind;
using Json = StudyDocument::Json;

const std::vector<const char*> kStatuses = {"recruiting", "not_yet_recruiting", "enrolling_by_invitation",
                                            "active_not_recruiting", "suspended", "terminated", "completed", "withdrawn"};

// Long function: one table, the formats' fields in their documents' order.
const std::map<ObjectKind, std::vector<FieldInfo>>& guide() {
  static const std::map<ObjectKind, std::vector<FieldInfo>> fields = {
      {O::TrialFile,
       {{"format", K::Line, "Format", "Formato", true},
        {"languages", K::Words, "Languages", "Idiomas", true},
        {"trial", K::Group, "Study facts", "Datos del estudio", true, O::Trial},
        {"questions", K::List, "Questions", "Preguntas", true, O::Question},
        {"criteria", K::List, "Criteria", "Criterios", true, O::Criterion},
        {"answers_not_used", K::Reasons, "Shared answers this study does not use, and why",
         "Respuestas compartidas que este estudio no usa, y por qué"}}},
      {O::Trial,
       {{"id", K::Line, "Registry id", "Identificador del registro", true},
        {"registry_url", K::Line, "Registry page", "Página del registro"},
        {"title", K::Text, "Title", "Título", true},
        {"summary", K::Text, "Summary", "Resumen", true},
        {"sponsor", K::Line, "Sponsor", "Patrocinador", true},
        {"investigator", K::Line, "Investigator", "Investigador"},
        {"phase", K::Line, "Phase", "Fase"},
        {"version", K::Line, "Version of this file", "Versión de este archivo"},
        {"status", K::Choice, "Recruiting status", "Estado de reclutamiento", false, O::Unknown, kStatuses},
        {"status_date", K::Line, "Status date (YYYY-MM-DD)", "Fecha del estado (AAAA-MM-DD)"},
        {"mental_health", K::Flag, "Mental health study: show \"Need help now?\"", "Estudio de salud mental: mostrar \"¿Necesita ayuda ahora?\""},
        {"sites", K::List, "Sites", "Centros", false, O::Site},
        {"contact", K::Group, "Contact", "Contacto", true, O::Contact},
        {"welcome_note", K::Text, "Welcome note", "Nota de bienvenida"},
        {"participation", K::Text, "What taking part involves", "Qué supone participar"},
        {"stages", K::List, "Stages", "Etapas", false, O::Stage},
        {"full_criteria_note", K::Text, "Note on the full criteria", "Nota sobre todos los criterios", true}}},
      {O::Contact,
       {{"name", K::Line, "Name", "Nombre"},
        {"phone", K::Line, "Phone", "Teléfono"},
        {"email", K::Line, "Email", "Correo electrónico"},
        {"url", K::Line, "Web page", "Página web"},
        {"note", K::Text, "Note", "Nota"}}},
      {O::Site,
       {{"name", K::Line, "Name", "Nombre", true},
        {"city", K::Line, "City", "Ciudad", true},
        {"state", K::Line, "State", "Estado"},
        {"zip", K::Line, "ZIP code", "Código postal"},
        {"country", K::Line, "Country", "País"},
        {"lat", K::Number, "Latitude", "Latitud"},
        {"lon", K::Number, "Longitude", "Longitud"},
        {"status", K::Choice, "Site status", "Estado del centro", false, O::Unknown, kStatuses}}},
      {O::Stage,
       {{"name", K::Text, "Name", "Nombre", true},
        {"duration", K::Text, "How long", "Duración", true},
        {"visits", K::Number, "Visits", "Visitas"},
        {"details", K::Text, "Details", "Detalles"}}},
      {O::Question,
       {{"id", K::Line, "Question id", "Identificador de la pregunta", true},
        {"concept", K::Line, "Concept (for catalogs)", "Concepto (para catálogos)"},
        {"type", K::Choice, "Kind of answer", "Tipo de respuesta", true, O::Unknown,
         {"yes_no", "single", "multiple", "number", "month_year"}},
        {"text", K::Text, "Question", "Pregunta", true},
        {"note", K::Text, "Note under the question", "Nota bajo la pregunta"},
        {"why", K::Text, "Why we ask", "Por qué preguntamos"},
        {"options", K::List, "Options", "Opciones", false, O::Option},
        {"min", K::Number, "Lowest answer", "Respuesta más baja"},
        {"max", K::Number, "Highest answer", "Respuesta más alta"},
        {"unit", K::Text, "Unit", "Unidad"},
        {"integer", K::Flag, "Whole numbers only", "Solo números enteros"},
        {"unknown", K::Picks, "Unknown answers offered", "Respuestas de duda que se ofrecen", false, O::Unknown,
         {"not_sure", "prefer_not_to_say"}},
        {"ask_if", K::Condition, "Ask only if", "Preguntar solo si"},
        {"safety", K::Group, "Safety trigger", "Alerta de seguridad", false, O::Safety}}},
      {O::Option,
       {{"id", K::Line, "Option id", "Identificador de la opción", true},
        {"text", K::Text, "Option", "Opción", true},
        {"exclusive", K::Flag, "\"None of these\": cannot be chosen with others", "\"Ninguna\": no se elige con otras"}}},
      {O::Safety,
       {{"when", K::Condition, "When", "Cuando", true},
        {"action", K::Choice, "Action", "Acción", true, O::Unknown, {"crisis_support"}}}},
      {O::Criterion,
       {{"id", K::Line, "Criterion id", "Identificador del criterio", true},
        {"type", K::Choice, "Type", "Tipo", true, O::Unknown, {"inclusion", "exclusion"}},
        {"draft", K::Flag, "Draft: still to finish", "Borrador: falta terminarlo"},
        {"rule", K::Condition, "Rule over the answers", "Regla sobre las respuestas"},
        {"checked_by", K::Choice, "Checked by", "Lo revisa", false, O::Unknown, {"study_team"}},
        {"when_fails", K::Choice, "When it fails", "Cuando no se cumple", false, O::Unknown, {"exclude", "review"}},
        {"out_of_reach", K::Flag, "Out of reach: stop asking this study's questions", "Fuera de alcance: dejar de preguntar"},
        {"text", K::Text, "Words: true whatever the answer", "Texto: cierto sea cual sea la respuesta", true},
        {"because", K::Text, "Words when the answers decided it", "Texto cuando las respuestas lo decidieron"},
        {"find_out", K::Text, "What the person could find out", "Qué podría averiguar la persona"},
        {"source", K::Line, "Source", "Fuente", true}}},
      {O::Catalog,
       {{"format", K::Line, "Format", "Formato", true},
        {"languages", K::Words, "Languages", "Idiomas", true},
        {"title", K::Text, "Title", "Título", true},
        {"welcome_note", K::Text, "Welcome note", "Nota de bienvenida"},
        {"shared_questions", K::Words, "Shared questions", "Preguntas compartidas"},
        {"studies", K::List, "Studies", "Estudios", true, O::CatalogStudy}}},
      {O::CatalogStudy,
       {{"id", K::Line, "Registry id", "Identificador del registro", true},
        {"status", K::Choice, "Recruiting status", "Estado de reclutamiento", true, O::Unknown, kStatuses},
        {"status_date", K::Line, "Status date", "Fecha del estado", true},
        {"status_source", K::Line, "Where the status comes from", "De dónde viene el estado"},
        {"title", K::Text, "Title", "Título", true},
        {"trial", K::Line, "Trial file", "Archivo del estudio"},
        {"registry_url", K::Line, "Registry page", "Página del registro"}}},
  };
  return fields;
}

}  // namespace

const std::vector<FieldInfo>& fields_of(ObjectKind kind) {
  static const std::vector<FieldInfo> none;
  const auto it = guide().find(kind);
  return it == guide().end() ? none : it->second;
}

const FieldInfo* field_info(ObjectKind kind, const std::string& key) {
  for (const FieldInfo& f : fields_of(kind))
    if (key == f.key) return &f;
  return nullptr;
}

std::string editor_page_of(const std::string& pointer, DocumentKind kind) {
  // The list item a place is in: "/questions/2" for "/questions/2/..." ("" when it is in none).
  auto item_of = [&](const std::string& list) -> std::string {
    if (pointer.rfind(list + "/", 0) != 0 || pointer.size() == list.size() + 1) return "";
    return pointer.substr(0, pointer.find('/', list.size() + 1));
  };
  if (kind == DocumentKind::Catalog) return item_of("/studies");
  for (const char* list : {"/questions", "/criteria"})
    if (std::string item = item_of(list); !item.empty()) return item;
  return "/trial";
}

Json empty_value(const FieldInfo& field, const std::vector<std::string>& languages) {
  switch (field.kind) {
    case K::Text: {
      Json text = Json::object();
      for (const std::string& l : languages) text[l] = "";
      return text;
    }
    case K::Number: return 0;
    case K::Flag: return false;
    case K::Choice: return field.choices.empty() ? Json("") : Json(field.choices.front());
    case K::Picks:
    case K::Words:
    case K::List: return Json::array();
    case K::Group: return new_object(field.item, languages);
    case K::Reasons: return Json::object();
    case K::Line:
    case K::Condition: return "";
  }
  return "";
}

Json new_object(ObjectKind kind, const std::vector<std::string>& languages) {
  Json object = Json::object();
  for (const FieldInfo& f : fields_of(kind))
    if (f.required) object[f.key] = empty_value(f, languages);
  return object;
}

}  // namespace trialmatch::studio
