# S3 cost vs records
# Written by dedupbench report. Regenerate from this directory: gnuplot scale-cost-vs-scale.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'scale-cost-vs-scale.svg'
set title 'S3 cost vs records'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set xlabel 'records per run'
set logscale x 10
set xrange [8695.652173913044:11500000]
set xtics ('10k' 10000, '31.6k' 31623, '100k' 100000, '316k' 316228, '1M' 1000000, '3.16M' 3162278, '10M' 10000000)
set ylabel 'S3 storage cost (USD/month)'
set logscale y 10
set yrange [1e-05:0.1]
set ytics ('$0.00001' 1e-05, '$0.0001' 0.0001, '$0.001' 0.001, '$0.01' 0.01, '$0.1' 0.1)
set label 'bronze_append · records per run 10k: $0.0000359' at 10000, 3.591823019e-05 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 31.6k: $0.000109' at 31623, 0.0001094174935 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 100k: $0.000345' at 100000, 0.0003445384679 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 316k: $0.00109' at 316228, 0.001093355261 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 1M: $0.00345' at 1000000, 0.003447089809 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 3.16M: $0.0109' at 3162278, 0.01089999866 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 10M: $0.0344' at 10000000, 0.03443052885 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 10k: $0.0000355' at 10000, 3.546353895e-05 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 31.6k: $0.000107' at 31623, 0.000106808058 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 100k: $0.00033' at 100000, 0.0003299700124 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 316k: $0.00104' at 316228, 0.001041794234 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 1M: $0.00329' at 1000000, 0.003291861322 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 3.16M: $0.0105' at 3162278, 0.01046138858 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 10M: $0.033' at 10000000, 0.0329696419 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 10k: $0.0000336' at 10000, 3.355120961e-05 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 31.6k: $0.000106' at 31623, 0.0001055614324 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 100k: $0.000334' at 100000, 0.0003335136352 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 316k: $0.00106' at 316228, 0.001060157295 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 1M: $0.00334' at 1000000, 0.003338271445 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 3.16M: $0.0105' at 3162278, 0.01054518845 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 10M: $0.0333' at 10000000, 0.03333094134 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 10k: $0.0000355' at 10000, 3.548268881e-05 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 31.6k: $0.000107' at 31623, 0.0001066720169 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 100k: $0.00033' at 100000, 0.000330099863 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 316k: $0.00104' at 316228, 0.00104240915 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 1M: $0.00329' at 1000000, 0.003291850847 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 3.16M: $0.0105' at 3162278, 0.01046137374 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 10M: $0.033' at 10000000, 0.03296962128 hypertext point pt 7 ps 2 lc rgb '#ff000000'
plot 'scale-cost-vs-scale.dat' index 0 using 1:2 with linespoints lc rgb '#4477aa' pt 7 dt 1 lw 2 ps 1.1 title 'bronze_append', \
     '' index 1 using 1:2 with linespoints lc rgb '#ee6677' pt 5 dt 2 lw 2 ps 1.1 title 'delta_merge', \
     '' index 2 using 1:2 with linespoints lc rgb '#228833' pt 9 dt 4 lw 2 ps 1.1 title 'eager_dedup', \
     '' index 3 using 1:2 with linespoints lc rgb '#ccbb44' pt 13 dt 5 lw 2 ps 1.1 title 'polars_merge'
unset label
set terminal pngcairo size 1200,720 noenhanced font 'sans,11' background rgb 'white'
set output 'scale-cost-vs-scale.png'
replot
unset output
