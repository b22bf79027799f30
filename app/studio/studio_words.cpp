#include "studio_words.h"

namespace trialmatch::studio {

namespace {

struct Words {
  Say say;
  const char* en;
  const char* es;
};

// One line a sentence, in the order of Say.
constexpr Words kWords[] = {
    {Say::New, "New study", "Estudio nuevo"},
    {Say::Open, "Open a file", "Abrir un archivo"},
    {Say::Save, "Save the file", "Guardar el archivo"},
    {Say::SaveDraft, "Save as a draft", "Guardar como borrador"},
    {Say::ReviewerDocument, "Reviewer document", "Documento para revisión"},
    {Say::FhirQuestionnaire, "FHIR Questionnaire", "Cuestionario FHIR"},
    {Say::CatalogEntry, "Catalog entry", "Entrada de catálogo"},
    {Say::Undo, "Undo", "Deshacer"},
    {Say::Redo, "Redo", "Rehacer"},
    {Say::Language, "Español", "English"},
    {Say::Unsaved, "Not saved yet", "Sin guardar"},
    {Say::AllSaved, "Saved", "Guardado"},
    {Say::Ready, "Ready for people", "Listo para las personas"},
    {Say::DraftState, "Draft: it has things to do", "Borrador: tiene tareas pendientes"},
    {Say::HasErrors, "Has problems to fix", "Tiene problemas por corregir"},
    {Say::StudyFacts, "Study facts", "Datos del estudio"},
    {Say::Questions, "Questions", "Preguntas"},
    {Say::Criteria, "Criteria", "Criterios"},
    {Say::AddQuestion, "+ Add a question", "+ Añadir una pregunta"},
    {Say::AddCriterion, "+ Add a criterion", "+ Añadir un criterio"},
    {Say::Catalog, "Catalog", "Catálogo"},
    {Say::Studies, "Studies", "Estudios"},
    {Say::AddStudy, "+ Add a study", "+ Añadir un estudio"},
    {Say::AddItem, "+ Add", "+ Añadir"},
    {Say::Remove, "Remove", "Quitar"},
    {Say::MoveUp, "Up", "Subir"},
    {Say::MoveDown, "Down", "Bajar"},
    {Say::AddField, "Add a field", "Añadir un campo"},
    {Say::RemoveField, "Remove this field", "Quitar este campo"},
    {Say::Insert, "Insert an id", "Insertar un identificador"},
    {Say::Missing, "Missing translation", "Falta la traducción"},
    {Say::ReadingGrade, "Reading grade {n}", "Nivel de lectura {n}"},
    {Say::ShortText, "Too short to grade", "Muy corto para medir"},
    {Say::MarkFinished, "Mark as finished", "Marcar como terminado"},
    {Say::Checks, "Checks", "Revisiones"},
    {Say::NoProblems, "No problems found.", "No se encontraron problemas."},
    {Say::Errors, "Problems", "Problemas"},
    {Say::ToDos, "To do", "Pendientes"},
    {Say::Warnings, "Worth a look", "Para revisar"},
    {Say::Paths, "Paths", "Caminos"},
    {Say::PathsCount, "{n} ways through the questions", "{n} caminos por las preguntas"},
    {Say::PathsStopped, "More than {n} ways through: the counts are of the first {n}.",
     "Más de {n} caminos: se cuentan los primeros {n}."},
    {Say::PathsUnknown, "Paths are counted once the problems are fixed.",
     "Los caminos se cuentan cuando se corrijan los problemas."},
    {Say::PathOpens, "Click a path to see where it leads in the preview.",
     "Haga clic en un camino para ver en la vista previa adónde lleva."},
    {Say::AllPaths, "all", "todos"},
    {Say::Preview, "Preview", "Vista previa"},
    {Say::PreviewInSpanish, "Preview in Spanish", "Vista previa en español"},
    {Say::PreviewInEnglish, "Preview in English", "Vista previa en inglés"},
    {Say::Restart, "Start over", "Empezar de nuevo"},
    {Say::JumpTo, "Go to a question", "Ir a una pregunta"},
    {Say::CriteriaNow, "Criteria for these answers", "Criterios con estas respuestas"},
    {Say::Welcome, "Welcome screen", "Pantalla de bienvenida"},
    {Say::NothingOpen, "Open a study file, a catalog or a ClinicalTrials.gov record, or start a new study.",
     "Abra un archivo de estudio, un catálogo o un registro de ClinicalTrials.gov, o empiece un estudio nuevo."},
    {Say::OpenHint, "Files open from your computer. Nothing is uploaded.",
     "Los archivos se abren desde su computadora. No se sube nada."},
    {Say::CannotOpen, "This file could not be opened:", "No se pudo abrir este archivo:"},
    {Say::ClickToGo, "Click a line to go to its place.", "Haga clic en una línea para ir a su lugar."},
    {Say::PrivacyNote, "Everything stays on this computer: nothing you open or type is sent or stored.",
     "Todo se queda en esta computadora: nada de lo que abre o escribe se envía ni se guarda."},
    {Say::EditHint, "Click a text to change it.", "Haga clic en un texto para cambiarlo."},
    {Say::NotesFromImport, "Notes from the registry record", "Notas del registro"},
    {Say::Close, "Close", "Cerrar"},
    {Say::ChooseField, "Choose a field", "Elija un campo"},
    {Say::VerdictLikely, "likely a fit", "probablemente apto"},
    {Say::VerdictReview, "a talk with the team", "hablar con el equipo"},
    {Say::VerdictNot, "not a match", "no apto"},
    {Say::Inclusion, "Inclusion", "Inclusión"},
    {Say::Exclusion, "Exclusion", "Exclusión"},
    {Say::OutcomeMeets, "meets it", "lo cumple"},
    {Say::OutcomeFails, "rules out", "excluye"},
    {Say::OutcomeOpen, "still open", "pendiente"},
    {Say::OutcomeTeam, "the team checks", "lo revisa el equipo"},
    {Say::OutcomeReview, "to talk over", "para hablar"},
    {Say::DiscardQuestion, "Your changes are not saved yet. If you go on, they will be lost.",
     "Sus cambios aún no están guardados. Si continúa, se perderán."},
    {Say::KeepEditing, "Keep editing", "Seguir editando"},
    {Say::Discard, "Go on without saving", "Continuar sin guardar"},
    {Say::OnlyFirstOpened, "Several study files were chosen: the first is open. The studio edits one study at a time.",
     "Se eligieron varios archivos de estudio: el primero está abierto. El estudio se edita de uno en uno."},
    {Say::PathsPerStudy, "A catalog's paths are those of each study: open a study's file to see them.",
     "Los caminos de un catálogo son los de cada estudio: abra el archivo de un estudio para verlos."},
    {Say::PreviewWaits, "The preview shows the study once its file opens in the app.",
     "La vista previa muestra el estudio cuando la aplicación puede abrir su archivo."},
    {Say::Checking, "Checking the study…", "Revisando el estudio…"},
    {Say::CheckingAgain, "Checking your last change…", "Revisando su último cambio…"},
    {Say::AnotherId, "Another shared question (its id):", "Otra pregunta compartida (su identificador):"},
    {Say::AddId, "Add", "Añadir"},
    {Say::OpenWithCatalog, "open {name} with the catalog (choose both files) to check the catalog with it",
     "abra {name} con el catálogo (elija los dos archivos) para revisar el catálogo con él"},
    {Say::ChecksBroken, "the studio's checks could not run on this version of the file: change it again to check it",
     "las revisiones no pudieron hacerse con esta versión del archivo: cámbielo otra vez para revisarlo"},
    {Say::FileEmptyOrBig, "This file is empty, or larger than the {n} KiB the studio opens.",
     "Este archivo está vacío, o pasa de los {n} KiB que se pueden abrir aquí."},
    {Say::FileUnreadable, "This file could not be read:", "No se pudo leer este archivo:"},
    {Say::NotAStudy, "This file is not a study: it holds no JSON object.",
     "Este archivo no es un estudio: no contiene ningún objeto JSON."},
    {Say::NoRecord, "This ClinicalTrials.gov file holds no study record.",
     "Este archivo de ClinicalTrials.gov no contiene el registro de ningún estudio."},
    {Say::NotAStudyFile,
     "This file is neither a trial file (\"format\": \"trialmatch/1\"), a catalog, nor a ClinicalTrials.gov study record.",
     "Este archivo no es un archivo de estudio (\"format\": \"trialmatch/1\"), ni un catálogo, ni el registro de un "
     "estudio de ClinicalTrials.gov."},
    // The names of the studio's parts, as a screen reader says them (the accessibility mirror).
    {Say::PaneTools, "Tools", "Herramientas"},
    {Say::PaneOutline, "Outline of the file", "Índice del archivo"},
    {Say::PaneEditor, "Editor", "Editor"},
    {Say::PaneBelow, "Checks, paths and criteria", "Revisiones, caminos y criterios"},
    {Say::PanePreview, "Preview: the app on a phone", "Vista previa: la aplicación en un teléfono"},
    {Say::PaneStart, "Start", "Inicio"},
    {Say::UnsavedTitle, "Changes not saved", "Cambios sin guardar"},
};

constexpr bool in_order() {
  int i = 0;
  for (const Words& w : kWords)
    if (static_cast<int>(w.say) != i++) return false;
  return i == static_cast<int>(Say::UnsavedTitle) + 1;
}
static_assert(in_order(), "kWords holds every Say, in order");

}  // namespace

BothLanguages both(Say s, std::initializer_list<std::pair<const char*, std::string>> values) {
  return BothLanguages{flow::fill(say(s, Lang::En), values), flow::fill(say(s, Lang::Es), values)};
}

const char* say(Say s, Lang lang) {
  const Words& w = kWords[static_cast<int>(s)];
  return lang == Lang::Es ? w.es : w.en;
}

}  // namespace trialmatch::studio
