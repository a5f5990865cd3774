import QtQuick
import Passerelle.Ui

// An action of the staff screen: a large button with a text label, no pictogram.
PictogramButton {
    fillWidth: false
    speaks: false // the staff screen is French only and has no spoken labels
}
