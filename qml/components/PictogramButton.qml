import QtQuick
import QtQuick.Templates as T
import Passerelle.Kiosk
import Passerelle.Ui

// A large touch target: a pictogram and its label, side by side or stacked.
// Activates on release; never needs a long press or a drag. A touch says the label
// aloud in the visitor's language, so that a person who cannot read hears what they
// touched.
T.AbstractButton {
    id: root

    property string pictogramName
    property bool stacked: false
    // True when the button is given its width (tiles, list rows); false when it takes
    // the width of its label (the navigation bar).
    property bool fillWidth: stacked
    property bool directional: false
    property int pictogramSize: stacked ? Theme.tilePictogramSize : Theme.pictogramSize
    property color fill: Theme.surface
    property color ink: Theme.text
    // Pictograms on a dark fill (an accent, a selected tile) are drawn in their inverse variant.
    property bool pictogramOnDark: Theme.isDark(fill)
    property string detail
    // False on a crowded bar: the pictogram alone shows, the label stays its accessible
    // name and what a touch says.
    property bool labelShown: true
    /** The height of the label (and detail) as laid out, for tiles that fit their pictogram to it. */
    readonly property real labelHeight: labels.implicitHeight
    /** The width the button takes with its label shown, whether it is shown or not. */
    readonly property real naturalWidth: Math.max(Theme.touchTarget, leftPadding + rightPadding + Math.max(label.implicitWidth, detailLabel.implicitWidth)
        + (pictogramName.length > 0 ? pictogramSize + Theme.mm(3) : 0))
    // What a touch says: the audio file of the label, when the label is content (a topic,
    // a language's name); otherwise the kiosk's label named by labelId, from the pack.
    property string speech
    // The id of the kiosk's label spoken: the slug of its qsTr source ("home",
    // "which-paper-do-you-have"), never the text shown (see Content.labelAudio).
    property string labelId
    // False for controls that are themselves about sound (play, pause, volume): a touch does
    // not say their label (speech mode still does, when they get the focus).
    property bool speaks: true
    // What speech mode says after the label: "button", or "topic", "page", "paper", "language" (SpeechMode).
    property string spokenKind: "button"
    // What the activate key and a double tap in speech mode do (AccessInput).
    function activate() { clicked() }
    /** The label's audio file; empty when the label cannot be heard in this language. */
    readonly property string spokenFile: speech.length > 0 ? speech
        : labelId.length > 0 ? Content.labelAudio(labelId, Session.language) : ""
    onPressed: if (speaks) Narrator.say([spokenFile])

    implicitWidth: Math.max(Theme.touchTarget, contentItem.implicitWidth + leftPadding + rightPadding)
    implicitHeight: Math.max(Theme.touchTarget, contentItem.implicitHeight + 2 * padding)
    padding: Theme.mm(3)
    // The pictogram and label sit in the vertical middle, however tall the button is.
    topPadding: Math.max(padding, (height - contentItem.implicitHeight) / 2)

    Accessible.role: Accessible.Button
    Accessible.name: root.detail.length > 0 ? root.text + ". " + root.detail : root.text

    contentItem: Grid {
        columns: root.stacked ? 1 : 2
        spacing: Theme.mm(3)
        horizontalItemAlignment: root.stacked ? Grid.AlignHCenter : Grid.AlignLeft
        verticalItemAlignment: Grid.AlignVCenter

        Pictogram {
            name: root.pictogramName
            size: root.pictogramSize
            directional: root.directional
            onDark: root.pictogramOnDark
            visible: root.pictogramName.length > 0
        }
        Column {
            id: labels
            visible: root.labelShown
            width: root.stacked ? root.availableWidth
                 : root.fillWidth ? root.availableWidth - (root.pictogramName.length > 0 ? root.pictogramSize + Theme.mm(3) : 0)
                 : Math.max(label.implicitWidth, detailLabel.implicitWidth)
            spacing: Theme.mm(1)
            KioskText {
                id: label
                width: root.fillWidth ? parent.width : implicitWidth
                text: root.text
                color: root.ink
                font.pixelSize: Theme.labelSize
                font.bold: true
                horizontalAlignment: root.stacked ? Text.AlignHCenter : Text.AlignLeft
                visible: root.labelShown && text.length > 0
            }
            KioskText {
                id: detailLabel
                width: root.fillWidth ? parent.width : implicitWidth
                text: root.detail
                color: root.ink
                font.pixelSize: Theme.smallSize
                horizontalAlignment: root.stacked ? Text.AlignHCenter : Text.AlignLeft
                visible: root.labelShown && text.length > 0
            }
        }
    }

    background: Rectangle {
        radius: Theme.radius
        color: root.down ? Theme.surfacePressed : root.fill
        border.color: Theme.border
        border.width: Theme.borderWidth
        FocusRing { shown: root.activeFocus }
    }
}
