#include "ui_text.h"

namespace trialmatch::flow {

namespace {
struct Entry {
  Phrase id;
  const char* en;
  const char* es;
};

// Keep in enum order: a static_assert below checks the count, phrase() checks the order.
constexpr Entry kPhrases[] = {
    {Phrase::Loading, "Loading the study...", "Cargando el estudio..."},
    {Phrase::ErrorTitle, "We could not open this study", "No pudimos abrir este estudio"},
    {Phrase::ErrorBody,
     "The study file has a problem, so the questions cannot be shown. Please tell the people who run this page.",
     "El archivo del estudio tiene un problema, así que no se pueden mostrar las preguntas. Por favor, avise a "
     "quienes manejan esta página."},
    {Phrase::ErrorFileLabel, "Study file", "Archivo del estudio"},
    {Phrase::ErrorProblemsLabel, "What is wrong", "Qué está mal"},
    {Phrase::WelcomeHeading, "See if this study may be right for you", "Vea si este estudio puede ser para usted"},
    {Phrase::WelcomeLength, "About {n} short questions. It takes about {m} minutes.",
     "Unas {n} preguntas cortas. Toma unos {m} minutos."},
    {Phrase::PrivacyPromise, "Your answers stay on this device. Nothing is sent anywhere.",
     "Sus respuestas se quedan en este dispositivo. No se envían a ningún lugar."},
    {Phrase::PrivacyPromiseEmbedded,
     "Your answers stay on this device unless you choose to send them to the study team.",
     "Sus respuestas se quedan en este dispositivo, a menos que usted decida enviarlas al equipo del estudio."},
    {Phrase::NotMedicalAdvice,
     "This is a first check, not medical advice. Only the study team can decide if you can join.",
     "Esta es una primera revisión, no un consejo médico. Solo el equipo del estudio puede decidir si puede "
     "participar."},
    {Phrase::Start, "Start", "Empezar"},
    {Phrase::QuestionProgress, "Question {n} of about {total}", "Pregunta {n} de unas {total}"},
    {Phrase::WhyWeAsk, "Why we ask", "Por qué preguntamos"},
    {Phrase::Back, "Back", "Atrás"},
    {Phrase::Continue, "Continue", "Continuar"},
    {Phrase::ChooseAllThatApply, "Choose all that apply.", "Elija todas las que correspondan."},
    {Phrase::ChooseAtLeastOne, "Please choose at least one answer.", "Por favor, elija al menos una respuesta."},
    {Phrase::AnswerDoesNotFit, "Please choose one of the answers shown.",
     "Por favor, elija una de las respuestas que se muestran."},
    {Phrase::NumberHint, "Tap the numbers to enter your answer.", "Toque los números para escribir su respuesta."},
    {Phrase::Clear, "Clear", "Borrar todo"},
    {Phrase::Delete, "Delete", "Borrar"},
    {Phrase::NumberOutOfRange, "Please enter a number from {min} to {max}.",
     "Por favor, escriba un número del {min} al {max}."},
    {Phrase::MonthHint, "Choose the year, then the month.", "Elija el año y luego el mes."},
    {Phrase::MonthOutOfRange, "Please choose a month from {min} to {max}.",
     "Por favor, elija un mes entre {min} y {max}."},
    {Phrase::NeedHelpNow, "Need help now?", "¿Necesita ayuda?"},
    {Phrase::LanguageName, "English", "Español"},  // each language's own name for itself
    {Phrase::TextSize, "Text {n}%", "Texto {n}%"},
    {Phrase::ReviewHeading, "Check your answers", "Revise sus respuestas"},
    {Phrase::ReviewIntro, "You can change any answer before you see your result.",
     "Puede cambiar cualquier respuesta antes de ver su resultado."},
    {Phrase::Change, "Change", "Cambiar"},
    {Phrase::SeeResult, "See my result", "Ver mi resultado"},
    {Phrase::LikelyHeadline, "You may be a good fit for this study", "Puede que este estudio sea para usted"},
    {Phrase::LikelyBody,
     "Your answers fit the study's first checks. This is not a promise that you can join: the study team will "
     "check more things with you. The next step is to contact the study team. See below for how to reach them.",
     "Sus respuestas cumplen con las primeras revisiones del estudio. Esto no es una promesa de que pueda "
     "participar: el equipo del estudio revisará más cosas con usted. El siguiente paso es comunicarse con el "
     "equipo del estudio. Abajo le decimos cómo."},
    {Phrase::ReviewHeadline, "Let's talk it over", "Hablemos de esto"},
    {Phrase::ReviewBody,
     "Nothing you told us rules you out. A few things need a talk with the study team. If you would like to go "
     "on, the next step is to contact them. See below for how to reach them.",
     "Nada de lo que nos dijo le impide participar. Algunas cosas necesitan una conversación con el equipo del "
     "estudio. Si quiere seguir, el siguiente paso es comunicarse con ellos. Abajo le decimos cómo."},
    {Phrase::NotEligibleHeadline, "This study isn't a match right now", "Este estudio no es para usted en este momento"},
    {Phrase::NotEligibleBody, "Thank you for checking. Based on your answers, this study is not a fit at this time.",
     "Gracias por revisar. Según sus respuestas, este estudio no es adecuado para usted en este momento."},
    {Phrase::WhyHeading, "Why", "Por qué"},
    {Phrase::TalkOverHeading, "What the study team would talk over with you ({n})",
     "Lo que el equipo del estudio hablaría con usted ({n})"},
    {Phrase::NotSureItems, "Still open, because you were not sure or chose not to answer ({n}):",
     "Esto queda pendiente porque no estaba seguro o segura, o prefirió no responder ({n}):"},
    {Phrase::NextStepsHeading, "What you can do next", "Lo que puede hacer ahora"},
    {Phrase::NextStepOtherStudies, "Look for other studies at ClinicalTrials.gov.",
     "Busque otros estudios en ClinicalTrials.gov."},
    {Phrase::NextStepOwnDoctor, "Talk with your own doctor about other treatments and studies.",
     "Hable con su médico sobre otros tratamientos y estudios."},
    {Phrase::NextStepReviewAnswers, "If something was entered wrong, tap \"Review my answers\" below to fix it.",
     "Si se equivocó en alguna respuesta, toque \"Revisar mis respuestas\" abajo para corregirla."},
    {Phrase::TeamChecksHeading, "What the study team will still check ({n})", "Lo que el equipo del estudio revisará ({n})"},
    {Phrase::FindOutHeading, "What you could find out before you call", "Lo que podría averiguar antes de llamar"},
    {Phrase::TeamChecksElseHeading, "What else the study team will check ({n})",
     "Qué más revisará el equipo del estudio ({n})"},
    {Phrase::ParticipationHeading, "What taking part involves", "Qué implica participar"},
    {Phrase::VisitCount, "{n} visits", "{n} visitas"},
    {Phrase::VisitOne, "1 visit", "1 visita"},
    {Phrase::ContactHeading, "How to contact the study", "Cómo comunicarse con el estudio"},
    {Phrase::PhoneLabel, "Phone", "Teléfono"},
    {Phrase::EmailLabel, "Email", "Correo electrónico"},
    {Phrase::WebLabel, "Web page", "Página web"},
    {Phrase::StartOver, "Start over", "Empezar de nuevo"},
    {Phrase::ReviewAnswers, "Review my answers", "Revisar mis respuestas"},
    {Phrase::SupportHeading, "You are not alone. Help is here now.", "No tiene que pasar por esto sin apoyo. Hay ayuda ahora mismo."},
    {Phrase::SupportThanks, "Thank you for telling us.", "Gracias por decírnoslo."},
    {Phrase::SupportBody,
     "If you have thoughts of death or of hurting yourself, please reach out now. These services are free, private, "
     "and open day and night.",
     "Si tiene pensamientos de muerte o de hacerse daño, por favor busque ayuda ahora. Estos servicios son gratis, "
     "confidenciales y están abiertos de día y de noche."},
    {Phrase::Call988, "Call 988", "Llamar al 988 (marque 2 para español)"},
    {Phrase::Text988, "Text 988", "Enviar un mensaje de texto al 988"},
    {Phrase::Lifeline988,
     "988 Suicide & Crisis Lifeline: call or text 988. For Spanish, press 2 when you call, or text AYUDA to 988.",
     "Línea 988 de Prevención del Suicidio y Crisis: llame al 988 y marque 2 para hablar en español, o envíe "
     "AYUDA en un mensaje de texto al 988."},
    {Phrase::CrisisTextLine, "Crisis Text Line: text HOME to 741741.",
     "Crisis Text Line en español: envíe AYUDA en un mensaje de texto al 741741, o escriba por WhatsApp al "
     "442-AYUDAME."},
    {Phrase::Emergency911, "If you are in danger right now, or if you have already hurt yourself, call 911.",
     "Si está en peligro en este momento, o si ya se hizo daño, llame al 911."},
    {Phrase::CannotRespond, "This tool cannot respond to emergencies or contact anyone for you.",
     "Esta herramienta no puede responder a emergencias ni comunicarse con nadie por usted."},
    {Phrase::CrisisBlockHeading, "Help is here, day and night", "Hay ayuda, de día y de noche"},
    {Phrase::CrisisBlockBody,
     "If you have thoughts of death or of hurting yourself, you can talk with someone now. It is free and private.",
     "Si tiene pensamientos de muerte o de hacerse daño, puede hablar con alguien ahora. Es gratis y confidencial."},
    {Phrase::SupportContinue, "Continue", "Continuar"},
    {Phrase::SupportBackToStudy, "When you are ready, you can go on with the questions.",
     "Cuando quiera, puede seguir con las preguntas."},
    {Phrase::KioskWelcome, "Welcome! Tap Start to see if this study may be right for you.",
     "¡Le damos la bienvenida! Toque Empezar para ver si este estudio puede ser para usted."},
    {Phrase::KioskPrivacy,
     "Your answers are not saved. They are erased when you finish or step away.",
     "Sus respuestas no se guardan. Se borran cuando termina o se aleja."},
    {Phrase::StillThereHeading, "Are you still there?", "¿Sigue ahí?"},
    {Phrase::StillThereBody, "To keep your answers private, we will erase them and start over in {n} seconds.",
     "Para proteger su privacidad, borraremos sus respuestas y empezaremos de nuevo en {n} segundos."},
    {Phrase::StillThereBodyOne, "To keep your answers private, we will erase them and start over in 1 second.",
     "Para proteger su privacidad, borraremos sus respuestas y empezaremos de nuevo en 1 segundo."},
    {Phrase::StillThereNumbersStay, "The phone numbers below will stay on the screen.",
     "Los números de abajo seguirán en la pantalla."},
    {Phrase::StillHere, "I'm still here", "Sigo aquí"},
    {Phrase::ShareButton, "Send to the study team", "Enviar al equipo del estudio"},
    {Phrase::ShareHeading, "Send your answers to the study team?", "¿Enviar sus respuestas al equipo del estudio?"},
    {Phrase::ShareBody,
     "This gives your answers and your result to the website where you are taking this questionnaire, so the study "
     "team can contact you. Nothing is sent unless you say yes.",
     "Esto entrega sus respuestas y su resultado al sitio web donde está llenando este cuestionario, para que el "
     "equipo del estudio pueda comunicarse con usted. No se envía nada si usted no dice que sí."},
    {Phrase::ShareWindowStudy, "Study: {title}", "Estudio: {title}"},
    {Phrase::ShareWindowSent, "Sent. You can close this window.", "Enviado. Puede cerrar esta ventana."},
    {Phrase::ShareWindowNotSent, "Nothing was sent. You can close this window.",
     "No se envió nada. Puede cerrar esta ventana."},
    {Phrase::ShareWindowHeading, "Please answer in the new window", "Por favor, responda en la ventana nueva"},
    {Phrase::ShareWindowBody,
     "We opened a window of our own. It shows what will be sent and to which website. Nothing is sent until you "
     "press \"Yes, send them\" there.",
     "Abrimos una ventana propia. Allí verá qué se enviará y a qué sitio web. No se envía nada hasta que usted "
     "toque \"Sí, enviarlas\" allí."},
    {Phrase::ShareWindowAgain, "Show the window again", "Mostrar la ventana otra vez"},
    {Phrase::ShareWindowBlockedHeading, "The window did not open", "La ventana no se abrió"},
    {Phrase::ShareWindowBlocked,
     "Nothing was sent. Your browser or this website may block new windows. You can try again, or contact the "
     "study team yourself: your result says how.",
     "No se envió nada. Su navegador o este sitio web pueden bloquear ventanas nuevas. Puede intentarlo otra vez o "
     "comunicarse usted mismo con el equipo del estudio: su resultado dice cómo."},
    {Phrase::ShareWindowTryAgain, "Try again", "Intentar otra vez"},
    {Phrase::BackToResult, "Back to my result", "Volver a mi resultado"},
    {Phrase::ShareConfirm, "Yes, send them", "Sí, enviarlas"},
    {Phrase::ShareCancel, "No, go back", "No, volver"},
    {Phrase::ShareDone, "Sent. Thank you! The study team may contact you.",
     "Enviado. ¡Gracias! El equipo del estudio podría comunicarse con usted."},
    {Phrase::PageIncomplete,
     "This page is missing some of its parts, so it cannot run safely. Please reload it. If this keeps happening, "
     "tell the people who run this website.",
     "A esta página le faltan algunas de sus partes, así que no puede funcionar de forma segura. Vuelva a cargarla. "
     "Si vuelve a pasar, avise a quienes administran este sitio web."},
    {Phrase::TrialNotFromThisSite, "This link does not open a study file from this website.",
     "Este enlace no abre un archivo de estudio de este sitio web."},
    {Phrase::ShareReceiver, "They will go to this website: {site}", "Se enviarán a este sitio web: {site}"},
    {Phrase::CatalogWelcomeHeading, "See which of these studies may be right for you",
     "Vea cuáles de estos estudios pueden ser para usted"},
    {Phrase::CatalogWelcomeBody, "You answer one set of questions. We use your answers to check {n} studies.",
     "Usted contesta un solo grupo de preguntas. Con sus respuestas revisamos {n} estudios."},
    {Phrase::CatalogStudiesHeading, "The studies we check",
     "Los estudios que revisamos"},
    {Phrase::QuestionForStudy, "Only one study asks this: {study}",
     "Solo un estudio pregunta esto: {study}"},
    {Phrase::ReviewIntroCatalog, "You can change any answer before you see your results.",
     "Puede cambiar cualquier respuesta antes de ver sus resultados."},
    {Phrase::SeeResults, "See my results",
     "Ver mis resultados"},
    {Phrase::ResultsHeading, "Your results",
     "Sus resultados"},
    {Phrase::ResultsIntro, "Tap a study to see more about it and how to reach its team.",
     "Toque un estudio para ver más sobre él y cómo comunicarse con su equipo."},
    {Phrase::ResultsLikely, "May be a good fit for you",
     "Pueden ser para usted"},
    {Phrase::ResultsTalk, "Worth a talk with the study team",
     "Vale la pena hablar con el equipo del estudio"},
    {Phrase::ResultsNotFit, "Not a fit for you right now",
     "No son para usted por ahora"},
    {Phrase::ResultsNoneFit, "None of these studies is a fit for you right now. This is not a judgment about you. Your own doctor can help you look for other options.",
     "Ninguno de estos estudios es para usted por ahora. Esto no es un juicio sobre usted. Su médico puede ayudarle a buscar otras opciones."},
    {Phrase::ResultsClosed, "Not looking for people now",
     "No buscan personas ahora"},
    {Phrase::ResultsClosedNote, "These studies are not taking new people, so we did not check your answers for them.",
     "Estos estudios no aceptan personas nuevas, así que no revisamos sus respuestas para ellos."},
    {Phrase::KioskWelcomeCatalog, "Welcome! Tap Start to see which of these studies may be right for you.",
     "¡Le damos la bienvenida! Toque Empezar para ver cuáles de estos estudios pueden ser para usted."},
    {Phrase::OnlyReason, "The only reason: {reason}", "La única razón: {reason}"},
    {Phrase::OneThingToTalkOver, "One thing to talk over with the study team: {reason}",
     "Una cosa para hablar con el equipo del estudio: {reason}"},
    {Phrase::ZipHeading, "What is your ZIP code?",
     "¿Cuál es su código postal (ZIP)?"},
    {Phrase::ZipStartHeading, "Where do you live?", "¿Dónde vive?"},
    {Phrase::ZipStartBody,
     "You can type your ZIP code and choose how far you could travel. Then we skip the questions of studies that are "
     "farther away. You can also skip this step.",
     "Puede escribir su código postal y elegir qué tan lejos podría viajar. Así no le hacemos las preguntas de los "
     "estudios que estén más lejos. También puede saltar este paso."},
    {Phrase::DistanceQuestion, "How far could you travel for study visits?",
     "¿Qué tan lejos podría viajar para las visitas del estudio?"},
    {Phrase::SkipZip, "Skip this step", "Saltar este paso"},
    {Phrase::ResultsNeedMore, "These studies need a few more answers",
     "Estos estudios necesitan algunas respuestas más"},
    {Phrase::ResultsNeedMoreNote, "They were farther than the distance you chose, so we did not ask their questions yet.",
     "Estaban más lejos de la distancia que eligió, así que todavía no le hicimos sus preguntas."},
    {Phrase::AnswerMore, "Answer their questions", "Responder sus preguntas"},
    {Phrase::ZipBody, "We use it to show how far away each study is.",
     "Lo usamos para mostrar qué tan lejos está cada estudio."},
    {Phrase::ZipPrivacy, "Your ZIP code stays on this device. It is never sent anywhere.",
     "Su código postal se queda en este dispositivo. Nunca se envía a ningún lugar."},
    {Phrase::ZipNeedsFiveDigits, "Please enter all 5 numbers of your ZIP code.",
     "Por favor, escriba los 5 números de su código postal."},
    {Phrase::ZipNotFound, "We could not find this ZIP code. Please check it.",
     "No encontramos este código postal. Por favor, revíselo."},
    {Phrase::ZipTableFailed, "We could not load the list of ZIP codes. Please try again.",
     "No pudimos cargar la lista de códigos postales. Por favor, intente otra vez."},
    {Phrase::ZipLoading, "Loading the list of ZIP codes...",
     "Cargando la lista de códigos postales..."},
    {Phrase::StudiesNearMe, "Studies near me",
     "Estudios cerca de mí"},
    {Phrase::DistancesFrom, "Distances from ZIP code {zip}",
     "Distancias desde el código postal {zip}"},
    {Phrase::ChangeZip, "Change ZIP code",
     "Cambiar código postal"},
    {Phrase::ForgetZip, "Forget my ZIP code",
     "Olvidar mi código postal"},
    {Phrase::DistanceAny, "Any distance",
     "Cualquier distancia"},
    {Phrase::DistanceWithin, "Within {n} miles",
     "A menos de {n} millas"},
    {Phrase::MilesAway, "About {n} miles away",
     "A unas {n} millas"},
    {Phrase::MileAway, "About 1 mile away",
     "A más o menos 1 milla"},
    {Phrase::DistanceUnknown, "We do not know how far this study is.",
     "No sabemos qué tan lejos está este estudio."},
    {Phrase::HiddenFarther, "Studies farther away are not shown: {n}. To see them, choose a larger distance above.",
     "No se muestran los estudios más lejanos: {n}. Para verlos, elija una distancia mayor arriba."},
    {Phrase::OpenStudyPage, "Open the study's web page", "Abrir la página web del estudio"},
    {Phrase::PrintButton, "Print or save as PDF", "Imprimir o guardar como PDF"},
    {Phrase::PrintTitle, "Your study check summary", "Resumen de su revisión para estudios"},
    {Phrase::PrintMade, "Made on your own device on {date}. Nothing you answered was sent anywhere.",
     "Hecho en su propio dispositivo el {date}. Nada de lo que respondió se envió a ningún lugar."},
    {Phrase::PrintForTeam,
     "You can show this page to the study team. Only they can decide if you can take part.",
     "Puede mostrarle esta página al equipo del estudio. Solo ellos pueden decidir si usted puede participar."},
    {Phrase::PrintAnswersHeading, "Your answers", "Sus respuestas"},
    {Phrase::PrintStudyFile, "Study file: version {version}, SHA-256 {hash}",
     "Archivo del estudio: versión {version}, SHA-256 {hash}"},
    {Phrase::PrintStudyFileNoVersion, "Study file: no version given, SHA-256 {hash}",
     "Archivo del estudio: sin versión, SHA-256 {hash}"},
    {Phrase::CodeButton, "Show a QR code", "Mostrar un código QR"},
    {Phrase::CodeHeading, "Your answers as a QR code", "Sus respuestas en un código QR"},
    {Phrase::CodeBody, "The study team can scan this code to read your answers and your result.",
     "El equipo del estudio puede escanear este código para leer sus respuestas y su resultado."},
    {Phrase::CodeCaution,
     "Anyone who scans it can read your answers. Show it only to people you choose. If you scan it with your own "
     "phone, do not search for it online.",
     "Cualquier persona que lo escanee puede leer sus respuestas. Muéstrelo solo a quien usted elija. Si lo escanea "
     "con su propio teléfono, no lo busque en internet."},
    {Phrase::CodeKioskDone, "When you are done, tap Start over so the next person cannot see it.",
     "Cuando termine, toque Empezar de nuevo para que la próxima persona no pueda verlo."},
    {Phrase::CodeTooLong,
     "Your answers are too long to fit in one code. Please ask the study team for another way to share them.",
     "Sus respuestas son demasiado largas para un solo código. Por favor, pida al equipo del estudio otra forma de "
     "compartirlas."},
    {Phrase::CodeImageLabel, "A QR code with your answers and your result.",
     "Un código QR con sus respuestas y su resultado."},
    {Phrase::CodeBack, "Back to your result", "Volver a su resultado"},
    {Phrase::SaveAnswersButton, "Save my answers in a file", "Guardar mis respuestas en un archivo"},
    {Phrase::SaveAnswersNote,
     "You can open the file here later, on this device or another one. Anyone who opens it can read your answers.",
     "Puede abrir el archivo aquí más tarde, en este dispositivo o en otro. Cualquier persona que lo abra puede leer "
     "sus respuestas."},
    {Phrase::OpenSavedButton, "Open my saved answers", "Abrir mis respuestas guardadas"},
    {Phrase::SavedRestored, "We brought back your saved answers. Please check that they are still true.",
     "Recuperamos sus respuestas guardadas. Por favor, revise que sigan siendo ciertas."},
    {Phrase::SavedChanged, "Some questions may have changed since you saved your answers. Please check them.",
     "Es posible que algunas preguntas hayan cambiado desde que guardó sus respuestas. Por favor, revíselas."},
    {Phrase::SavedUnreadable, "We could not read that file. Please choose a file of answers saved from this page.",
     "No pudimos leer ese archivo. Por favor, elija un archivo de respuestas guardado desde esta página."},
    {Phrase::SavedOtherFile, "This file was saved on a different page. Please open it on the page where you saved it.",
     "Este archivo se guardó en otra página. Por favor, ábralo en la página donde lo guardó."},
    {Phrase::SaveFhirButton, "Save my answers for my health record",
     "Guardar mis respuestas para mi expediente médico"},
    {Phrase::SaveFhirNote,
     "The file uses FHIR, the format the computer systems of clinics and study teams read. Anyone who opens it can read "
     "your answers.",
     "El archivo usa FHIR, el formato que leen los sistemas de computadora de las clínicas y de los equipos de estudio. "
     "Cualquier persona que lo abra puede leer sus respuestas."},
    {Phrase::TakeResultHeading, "Take your result with you", "Llévese su resultado"},
    {Phrase::ErrorTitleCatalog, "We could not open these studies", "No pudimos abrir estos estudios"},
    {Phrase::NextStepOtherStudiesCatalog, "Go back to your results to see the other studies.",
     "Vuelva a sus resultados para ver los otros estudios."},
    {Phrase::NothingTyped, "Nothing typed yet.", "Todavía no ha escrito nada."},
    {Phrase::TypedSoFar, "Typed so far: {entry}", "Escrito hasta ahora: {entry}"},
    {Phrase::LoadingCatalog, "Loading the studies...", "Cargando los estudios..."},
    {Phrase::ErrorBodyCatalog,
     "A file of these studies has a problem, so the questions cannot be shown. Please tell the people who run this page.",
     "Un archivo de estos estudios tiene un problema, así que no se pueden mostrar las preguntas. Por favor, avise a "
     "quienes manejan esta página."},
    {Phrase::PrintMadeShared,
     "Made on your own device on {date}. You chose to send your answers to a study team through this website. "
     "Nothing else was sent.",
     "Hecho en su propio dispositivo el {date}. Usted decidió enviar sus respuestas a un equipo de estudio por este "
     "sitio web. No se envió nada más."},
    {Phrase::PrivacyPromiseShared, "You chose to send a summary to a study team. Nothing else leaves this device.",
     "Usted decidió enviar un resumen a un equipo de estudio. Nada más sale de este dispositivo."},
    {Phrase::CrisisGentleLine,
     "If you ever have thoughts of death or of hurting yourself, you can call or text 988, day or night. For "
     "Spanish, press 2 when you call, or text AYUDA to 988.",
     "Si alguna vez tiene pensamientos de muerte o de hacerse daño, puede llamar o enviar un mensaje de texto al 988, "
     "de día o de noche. Para hablar en español, marque 2 al llamar, o envíe AYUDA al 988."},
    {Phrase::StatusAsOf, "{status} (as of {date})", "{status} (según el registro del {date})"},
    {Phrase::StatusRecruiting, "Looking for people", "Busca personas"},
    {Phrase::StatusNotYetRecruiting, "Not looking for people yet", "Todavía no busca personas"},
    {Phrase::StatusByInvitation, "Taking people by invitation only", "Solo acepta personas por invitación"},
    {Phrase::StatusActiveNotRecruiting, "Still going, but not taking new people", "Sigue en curso, pero no acepta personas nuevas"},
    {Phrase::StatusSuspended, "Paused", "En pausa"},
    {Phrase::StatusTerminated, "Stopped early", "Se detuvo antes de terminar"},
    {Phrase::StatusCompleted, "Finished", "Terminado"},
    {Phrase::StatusWithdrawn, "Stopped before it started", "Se canceló antes de empezar"},
    {Phrase::TextCrisisLineButton, "Text HOME to 741741", "Enviar AYUDA al 741741"},
    {Phrase::Call911, "Call 911", "Llamar al 911"},
    {Phrase::OutOfReachHeadline, "This study may not be possible for you", "Puede que este estudio no sea posible para usted"},
    {Phrase::OutOfReachBody,
     "One of your answers may make it hard or not possible to take part. Below it says what would have to change. If "
     "it could change, you can talk it over with the study team.",
     "Una de sus respuestas puede hacer que participar sea difícil o no sea posible. Abajo dice qué tendría que "
     "cambiar. Si pudiera cambiar, puede hablarlo con el equipo del estudio."},
};
static_assert(sizeof(kPhrases) / sizeof(kPhrases[0]) == static_cast<int>(Phrase::Count),
              "every phrase needs an entry");

constexpr bool in_order() {
  for (int i = 0; i < static_cast<int>(Phrase::Count); ++i)
    if (static_cast<int>(kPhrases[i].id) != i) return false;
  return true;
}
static_assert(in_order(), "kPhrases must list phrases in enum order");
}  // namespace

const char* phrase(Phrase p, Lang lang) {
  const Entry& e = kPhrases[static_cast<int>(p)];
  return lang == Lang::Es ? e.es : e.en;
}

const char* lang_code(Lang lang) { return lang == Lang::Es ? "es" : "en"; }

std::vector<Lang> langs_from_codes(const std::vector<std::string>& codes) {
  std::vector<Lang> out;
  for (const std::string& code : codes) {
    Lang l;
    if (lang_from_code(code, l)) out.push_back(l);
  }
  return out;
}

bool lang_from_code(const std::string& code, Lang& lang) {
  if (code == "en") lang = Lang::En;
  else if (code == "es") lang = Lang::Es;
  else return false;
  return true;
}

const char* month_name(int month, Lang lang) {
  static const char* const en[] = {"January", "February", "March", "April", "May", "June", "July",
                                   "August", "September", "October", "November", "December"};
  static const char* const es[] = {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
                                   "agosto", "septiembre", "octubre", "noviembre", "diciembre"};
  if (month < 0 || month > 11) return "";
  return lang == Lang::Es ? es[month] : en[month];
}

std::string date_words(const std::string& iso_date, Lang lang) {
  auto digits = [&](size_t at, size_t n) {
    if (iso_date.size() < at + n) return -1;
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (iso_date[i] < '0' || iso_date[i] > '9') return -1;
      v = v * 10 + (iso_date[i] - '0');
    }
    return v;
  };
  const int year = digits(0, 4), month = digits(5, 2);
  const bool has_day = iso_date.size() == 10;
  const int day = has_day ? digits(8, 2) : 0;
  if ((iso_date.size() != 7 && !has_day) || year < 0 || month < 1 || month > 12 || day < 0 || iso_date[4] != '-')
    return iso_date;
  const std::string m = month_name(month - 1, lang), y = std::to_string(year);
  if (!has_day) return lang == Lang::Es ? m + " de " + y : m + " " + y;
  return lang == Lang::Es ? std::to_string(day) + " de " + m + " de " + y : m + " " + std::to_string(day) + ", " + y;
}

std::string fill(const char* text, std::initializer_list<std::pair<const char*, std::string>> values) {
  std::string out = text;
  for (const auto& [key, value] : values) {
    const std::string token = std::string("{") + key + "}";
    for (size_t at = out.find(token); at != std::string::npos; at = out.find(token, at + value.size()))
      out.replace(at, token.size(), value);
  }
  return out;
}

}  // namespace trialmatch::flow
