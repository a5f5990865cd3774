import QtQuick
import QtTest
import Passerelle.Kiosk
import Passerelle.Ui

// ACCESSIBILITY.md req. 15 and issue #17: every item the keys and speech mode reach, on
// every kind of screen, has an accessible name, and that name is what it says: the text
// of the label it speaks (by its id) or of the content whose audio it plays. In a language
// with a voice, every one of them can be heard.
KioskTest {
    name: "AccessibleNames"

    function focusables(item: Item): var {
        let out = []
        if (!item.visible)
            return out
        if (item.activeFocusOnTab)
            out.push(item)
        for (let i = 0; i < item.children.length; ++i)
            out = out.concat(focusables(item.children[i]))
        return out
    }

    function test_names_data() {
        let rows = []
        for (const lang of ["fr", "ar"]) {
            for (const route of ["language", "status", "home", "topic/housing", "page/find-rental",
                                 "emergency", "service/cpas-namur"])
                rows.push({ tag: lang + " " + route, lang: lang, route: route })
        }
        return rows
    }

    function test_names(data) {
        Session.language = data.lang
        Session.status = "refugee"
        Navigator.reset(data.route)
        compare(Navigator.route, data.route)
        waitForRendering(screen)
        const items = focusables(screen)
        verify(items.length >= 7, "the navigation bar and the screen's items")
        for (const item of items) {
            const what = item.objectName + " on " + data.route
            const name = item.Accessible.name
            verify(name.length > 0, what + " has no accessible name")
            if (item.spokenKind === "part") {
                // A block reads its own text; a service card its name (then its address).
                verify(name.startsWith(item.kind === "service" ? item.serviceName : item.text), what)
            } else if (item.labelId.length > 0) {
                const label = Content.labelText(item.labelId, data.lang)
                verify(label.length > 0, what + ": no label \"" + item.labelId + "\" in the pack")
                verify(name.startsWith(label), what + ": says \"" + label + "\", named \"" + name + "\"")
            } else {
                verify(item.speech.length > 0 || item.spokenKind === "language", what + ": says nothing of its own")
                verify(name.startsWith(item.text), what + ": named \"" + name + "\", shows \"" + item.text + "\"")
            }
            // A language's name is said in that language: some have no voice.
            if (item.spokenKind !== "language" && item.spokenKind !== "part")
                verify(item.spokenFile.length > 0, what + " cannot be heard in " + data.lang)
        }
    }
}
