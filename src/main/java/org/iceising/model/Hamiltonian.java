package org.iceising.model;

/**
 * The total energy whose local differences the engine uses (MODEL.md §2):
 * H = −J Σ_bonds s_i s_j − J Σ_i m_i s_i² − Σ_i B_i s_i, where a bond joins two active 4-neighbours
 * (counted once per direction in which they neighbour, so on a 2-wide periodic lattice twice) and
 * m_i is the number of missing neighbours of cell i (outside the lattice under the study's rule, or
 * masked), each of which takes the cell's own value.
 */
public final class Hamiltonian {
    private Hamiltonian() {
    }

    public static double energy(Lattice l, IsingParams p, Boundary boundary) {
        int rows = l.rows();
        int cols = l.cols();
        double[] field = LinearField.values(p, rows, cols);
        int[] dr = {-1, 1, 0, 0};
        int[] dc = {0, 0, -1, 1};
        double pair = 0;
        double self = 0;
        double external = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                if (!l.isActive(i)) {
                    continue;
                }
                double s = l.spin(i);
                external += field[i] * s;
                for (int k = 0; k < 4; k++) {
                    int nr = r + dr[k];
                    int nc = c + dc[k];
                    if (boundary == Boundary.PERIODIC) {
                        nr = Math.floorMod(nr, rows);
                        nc = Math.floorMod(nc, cols);
                    }
                    if (nr >= 0 && nr < rows && nc >= 0 && nc < cols && l.isActive(nr * cols + nc)) {
                        pair += s * l.spin(nr * cols + nc);
                    } else {
                        self += s * s;
                    }
                }
            }
        }
        // each bond was seen from both ends
        return -p.j() * (pair / 2 + self) - external;
    }
}
